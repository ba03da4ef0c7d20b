package io.alphintra.itest;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ops4j.pax.exam.Option;

/**
 * The accounts the integration tests send orders for, configured on every node they boot (Pax Exam's and the forked
 * ones): the engine rejects an order whose account is not configured. Each trades every venue with generous cash.
 * A test that needs another account adds its id to {@link #IDS}.
 */
final class TestAccounts {
    static final List<String> IDS = List.of(
            "ACC-IT", "ACC-Q", "ACC-X", "ACC-K", "ACC-T", "ACC-A", "ACC-V", "ACC-E", "ACC-GEN", "ACC-NB", "ACC-FAULT",
            "ACC-KILL", "ACC-OTHER", "ACC-ALERT",
            "ACC-RISK-COLLAR", "ACC-RISK-SIZE", "ACC-RISK-DUP", "ACC-RISK-POS",
            "ACC-THROTTLE", "ACC-THROTTLE-2", "ACC-EXEC", "ACC-COD", "ACC-DD", "ACC-DD-2",
            "ACC-CREDIT", "ACC-CREDIT-2", "ACC-MID", "ACC-HOLD",
            "ACC-SUSPENDED");

    /** Configured suspended, for the tests of what a suspended account may still do. */
    static final String SUSPENDED = "ACC-SUSPENDED";

    private TestAccounts() {
    }

    /** The file name of an account's configuration under {@code etc/}. */
    static String file(String id) {
        return "io.alphintra.account-" + id.toLowerCase(Locale.ROOT) + ".cfg";
    }

    /** The keys of an account's configuration. */
    static Map<String, String> configuration(String id) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("id", id);
        keys.put("owner", "itest");
        keys.put("baseCurrency", "USD");
        keys.put("cash", "USD 100000000, EUR 100000000, JPY 10000000000");
        keys.put("venues", "*");
        keys.put("instruments", "*");
        keys.put("status", id.equals(SUSPENDED) ? "suspended" : "active");
        return keys;
    }

    /** Pax Exam options writing every account's configuration into the node's {@code etc/}. */
    static Option[] paxOptions() {
        List<Option> options = new ArrayList<>();
        for (String id : IDS) {
            configuration(id).forEach((key, value) ->
                    options.add(editConfigurationFilePut("etc/" + file(id), key, value)));
        }
        return options.toArray(new Option[0]);
    }
}
