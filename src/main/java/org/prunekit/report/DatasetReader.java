package org.prunekit.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Class counts of the data a run used, read from the data file its config names (looked up as given, then relative to
 * the results folder and its ancestors). When the file cannot be found the summary says so and a warning is added.
 */
final class DatasetReader {

    private DatasetReader() {
    }

    static DatasetSummary summarize(String dataPath, String target, Path runDir, List<String> warnings) {
        Path file = locate(dataPath, runDir);
        if (file == null) {
            warnings.add("data file " + dataPath + " not found; class counts unavailable");
            return DatasetSummary.unknown(dataPath, target);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser p = format.parse(r)) {
            if (!p.getHeaderNames().contains(target)) {
                warnings.add("data file " + dataPath + " has no column " + target + "; class counts unavailable");
                return DatasetSummary.unknown(dataPath, target);
            }
            Map<String, Long> counts = new TreeMap<>();
            long rows = 0;
            for (CSVRecord rec : p) {
                rows++;
                if (rec.isSet(target)) {
                    counts.merge(rec.get(target), 1L, Long::sum);
                }
            }
            return new DatasetSummary(dataPath, target, rows, p.getHeaderNames().size() - 1, counts);
        } catch (IOException | RuntimeException e) {
            warnings.add("data file " + dataPath + " could not be read (" + e.getMessage() + "); class counts unavailable");
            return DatasetSummary.unknown(dataPath, target);
        }
    }

    private static Path locate(String dataPath, Path runDir) {
        List<Path> tries = new ArrayList<>();
        Path given = Path.of(dataPath);
        tries.add(given);
        if (!given.isAbsolute()) {
            for (Path d = runDir.toAbsolutePath(); d != null; d = d.getParent()) {
                tries.add(d.resolve(dataPath));
            }
        }
        return tries.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }
}
