package org.prunekit.testing;

/** {@code org.prunekit.cli.Main} with the test families registered, for tests that start a child JVM. */
public final class TestMain {

    private TestMain() {
    }

    public static void main(String[] args) {
        TestFamilies.register();
        org.prunekit.cli.Main.main(args);
    }
}
