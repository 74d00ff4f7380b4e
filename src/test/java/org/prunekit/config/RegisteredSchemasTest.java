package org.prunekit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.prunekit.spi.MethodFactory;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.Params;

/**
 * Every registered family and method declares its schema, and binds its block through it: building a trainer or a
 * method from a block reads exactly the keys the schema declares (so the docs and {@code validate} list every key
 * that is accepted, and nothing else).
 */
class RegisteredSchemasTest {

    @TestFactory
    Stream<DynamicTest> familiesReadExactlyTheirSchema() {
        return Registry.discoveredFamilies().values().stream()
                .map(f -> DynamicTest.dynamicTest(f.name(), () -> {
                    assertTrue(f.schema().isDeclared(), f.name() + " declares no schema");
                    Params block = new Params("t.yaml", "arms[0].model", required(f.schema()));
                    f.trainer(block, 1L, Map.of());
                    assertEquals(f.schema().defaults().asMap().keySet(), block.readKeys(), f.name());
                }));
    }

    @TestFactory
    Stream<DynamicTest> methodsReadExactlyTheirSchema() {
        return Registry.discoveredMethods().values().stream()
                .map(m -> DynamicTest.dynamicTest(m.name(), () -> {
                    assertTrue(m.schema().isDeclared(), m.name() + " declares no schema");
                    Params block = new Params("t.yaml", "arms[0].prune", required(m.schema()));
                    m.create(block, Params.empty(), familyOf(m), 1L);
                    assertEquals(m.schema().defaults().asMap().keySet(), block.readKeys(), m.name());
                }));
    }

    /** A block giving each required key its first choice. */
    private static Map<String, Object> required(ParamSchema schema) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (ParamSpec<?> s : schema.specs()) {
            if (s.isRequired()) {
                m.put(s.name(), s.choices().get(0));
            }
        }
        return m;
    }

    private static ModelFamily familyOf(MethodFactory m) {
        Set<String> names = m.families().isEmpty() ? Set.of("cart") : m.families();
        return Registry.discoveredFamilies()
                .get(names.stream().sorted().findFirst().orElseThrow());
    }
}
