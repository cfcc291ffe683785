package io.formulary.properties;

import java.util.Map;
import java.util.TreeMap;

/** Test-side read access to the regime counts of the running property (for generator tests). */
public final class PropertyHarnessAccess {

    private PropertyHarnessAccess() {
    }

    /** A copy of the regime counts of the property running on this thread. */
    public static Map<String, Long> regimes() {
        return new TreeMap<>(PropertyHarness.current().regimes);
    }
}
