package org.prunekit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDiffTest {

    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void namesEachDifferingPathWithBothValues() throws Exception {
        JsonNode a = json("{\"arms\":[{\"refit\":{\"bytes\":11744}},{\"x\":1}],\"w\":[],\"k\":\"a\"}");
        JsonNode b = json("{\"k\":\"a\",\"arms\":[{\"refit\":{\"bytes\":11748}},{\"x\":1}],\"w\":[\"late\"]}");
        assertEquals(
                List.of("arms[0].refit.bytes: 11744 != 11748", "w[0]: null != \"late\""), JsonDiff.differences(a, b));
    }

    @Test
    void equalTreesInAnotherKeyOrderHaveNoDifference() throws Exception {
        assertEquals(
                List.of(),
                JsonDiff.differences(
                        json("{\"a\":1,\"b\":[1,{\"c\":null}]}"), json("{\"b\":[1,{\"c\":null}],\"a\":1}")));
    }

    @Test
    void aMissingMemberAndAChangedTypeAreDifferences() throws Exception {
        assertEquals(
                List.of("a: 1 != \"1\"", "b: true != null"),
                JsonDiff.differences(json("{\"a\":1,\"b\":true}"), json("{\"a\":\"1\"}")));
        AssertionError e = assertThrows(
                AssertionError.class, () -> JsonDiff.assertSame(json("{\"a\":1}"), json("{\"a\":2}"), "summary.json"));
        assertTrue(e.getMessage().startsWith("summary.json differs at 1 path(s):\n  a: 1 != 2"), e.getMessage());
    }
}
