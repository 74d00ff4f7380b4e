package org.prunekit.testing;

import org.prunekit.cli.Main;

/** {@code org.prunekit.cli.Main} with the test families registered, for tests that start a child JVM. */
public final class TestMain {

    private TestMain() {}

    public static void main(String[] args) {
        TestFamilies.register();
        Main.main(args);
    }
}
