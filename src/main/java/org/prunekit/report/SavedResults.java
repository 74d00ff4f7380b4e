package org.prunekit.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prunekit.data.InputException;
import org.prunekit.data.InputFiles;

/**
 * The contents of a results folder that {@link ResultsReader} draws a report from: {@code config.yaml},
 * {@code summary.json}, the result CSVs and {@code warnings.txt}. Either read from the folder ({@link #read}), or
 * handed over by {@link ResultsWriter#writeAll} with what it has just written (the same text and cells, so the
 * report is the same without parsing those files again).
 */
public final class SavedResults {

    /** The result CSVs a report reads, by file name. */
    static final List<String> TABLES = List.of(
            ResultsLayout.CANDIDATES, ResultsLayout.SELECTED, ResultsLayout.PATH_COLUMNS, ResultsLayout.CP_TABLE);

    private final Path dir;
    private final String configText;
    private final byte[] summaryJson;
    private final Map<String, CsvRows> tables;
    private final String warningsText;

    /**
     * @param tables       the result CSVs present, by file name
     * @param warningsText {@code warnings.txt}, or null when absent
     */
    SavedResults(Path dir, String configText, byte[] summaryJson, Map<String, CsvRows> tables, String warningsText) {
        this.dir = dir;
        this.configText = configText;
        this.summaryJson = summaryJson.clone();
        this.tables = Map.copyOf(tables);
        this.warningsText = warningsText;
    }

    /**
     * Reads the files of {@code dir}; a missing required file ({@code config.yaml}, {@code summary.json},
     * {@code candidates.csv}, {@code selected.csv}) is an {@link InputException} naming the folder.
     */
    static SavedResults read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir.toString(), "not a results folder: no such directory");
        }
        for (String f : List.of(
                ResultsLayout.CONFIG, ResultsLayout.SUMMARY, ResultsLayout.CANDIDATES, ResultsLayout.SELECTED)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new InputException(dir.toString(), "not a results folder: missing " + f);
            }
        }
        String config = InputFiles.readString(dir.resolve(ResultsLayout.CONFIG));
        byte[] summary = InputFiles.readBytes(dir.resolve(ResultsLayout.SUMMARY));
        Map<String, CsvRows> tables = new LinkedHashMap<>();
        for (String t : TABLES) {
            Path f = dir.resolve(t);
            if (Files.isRegularFile(f)) {
                tables.put(t, CsvRows.read(f));
            }
        }
        Path warnings = dir.resolve(ResultsLayout.WARNINGS);
        return new SavedResults(
                dir, config, summary, tables, Files.isRegularFile(warnings) ? InputFiles.readString(warnings) : null);
    }

    Path dir() {
        return dir;
    }

    String configText() {
        return configText;
    }

    byte[] summaryJson() {
        return summaryJson.clone();
    }

    Optional<CsvRows> table(String file) {
        return Optional.ofNullable(tables.get(file));
    }

    /** Lines of {@code warnings.txt}, stripped, blank ones left out. */
    List<String> warnings() {
        return warningsText == null
                ? List.of()
                : warningsText
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList();
    }
}
