package io.alphintra.engine.internal.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every configured account, and the {@link AccountTable} built from them. Configurations arrive on ConfigAdmin's
 * thread ({@link #put}, {@link #remove}, {@link #refused}); each change builds a new immutable table and publishes
 * it through one volatile field, and hands the listener (the engine) what changed with the new table, in order. The
 * engine logs each change as it takes it; its components log the configurations they refuse.
 *
 * <p>Two configurations of one account id would make its reference data depend on the order they were read in, so
 * such an account is put in force as broken: its orders are refused, naming both configurations, until one goes.
 */
@Component(service = AccountDirectory.class)
public final class AccountDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(AccountDirectory.class);

    /** Receives every change to the reference data, with the table that holds it; called under the lock. */
    public interface Listener {
        void changed(List<AccountChange> changes, AccountTable table);
    }

    /** By source PID, sorted, so that merged sources read the same in every message. */
    private final Map<String, Account> bySource = new TreeMap<>();
    private volatile AccountTable table = AccountTable.EMPTY;
    private Listener listener;

    /** The accounts in force now; one volatile read. */
    public AccountTable table() {
        return table;
    }

    /**
     * Makes {@code next} the listener and hands it every account in force now as {@linkplain AccountChange.Kind#ADDED
     * added}, then every later change; one listener at a time.
     */
    public synchronized void listen(Listener next) {
        listener = next;
        List<AccountChange> inForce = new ArrayList<>();
        for (Account account : table.accounts()) {
            inForce.add(new AccountChange(AccountChange.Kind.ADDED, account.id(), account.source(),
                    account.describe()));
        }
        next.changed(inForce, table);
    }

    /** Stops handing changes to {@code current}, if it is the listener. */
    public synchronized void unlisten(Listener current) {
        if (listener == current) {
            listener = null;
        }
    }

    /** Puts a configuration's account in force, replacing what that configuration set before. */
    synchronized void put(Account account) {
        bySource.put(account.source(), account);
        publish(List.of());
    }

    /** Takes a configuration's account out of force. */
    synchronized void remove(String source) {
        if (bySource.remove(source) != null) {
            publish(List.of());
        }
    }

    /** The account a configuration has in force, or null. */
    synchronized Account get(String source) {
        return bySource.get(source);
    }

    /**
     * Records that a configuration was refused (already logged by its component); the table changes only if
     * {@code inForce} replaces what the configuration had in force, e.g. a broken entry that holds its orders back.
     *
     * @param accountId the id the configuration names, or null if even that is unreadable
     * @param inForce what the configuration puts in force now, or null to leave the table as it is
     */
    synchronized void refused(String source, String accountId, String why, Account inForce) {
        AccountChange refusal = new AccountChange(AccountChange.Kind.REFUSED, accountId, source, why);
        if (inForce == null) {
            tell(List.of(refusal));
        } else {
            bySource.put(source, inForce);
            publish(List.of(refusal));
        }
    }

    private void publish(List<AccountChange> first) {
        Map<String, List<Account>> byId = new LinkedHashMap<>();
        for (Account account : bySource.values()) {
            byId.computeIfAbsent(account.id(), id -> new ArrayList<>()).add(account);
        }
        List<Account> entries = new ArrayList<>();
        byId.forEach((id, same) -> {
            if (same.size() == 1) {
                entries.add(same.get(0));
                return;
            }
            String sources = same.stream().map(Account::source).collect(Collectors.joining(", "));
            LOG.error("Account {} is configured {} times ({}); its orders are refused until only one configuration"
                    + " names it", id, same.size(), sources);
            entries.add(Account.broken(sources, id, "account " + id + " is configured " + same.size() + " times ("
                    + sources + "): remove all but one"));
        });
        AccountTable before = table;
        AccountTable after = AccountTable.of(entries);
        List<AccountChange> changes = new ArrayList<>(first);
        changes.addAll(differences(before, after));
        table = after;
        tell(changes);
    }

    private void tell(List<AccountChange> changes) {
        Listener current = listener;
        if (current != null && !changes.isEmpty()) {
            current.changed(changes, table);
        }
    }

    /** Added, changed and removed accounts, by id. */
    static List<AccountChange> differences(AccountTable before, AccountTable after) {
        Set<String> ids = new TreeSet<>();
        before.accounts().forEach(account -> ids.add(account.id()));
        after.accounts().forEach(account -> ids.add(account.id()));
        List<AccountChange> changes = new ArrayList<>();
        for (String id : ids) {
            Account was = before.get(id);
            Account now = after.get(id);
            if (was == null) {
                changes.add(new AccountChange(AccountChange.Kind.ADDED, id, now.source(), now.describe()));
            } else if (now == null) {
                changes.add(new AccountChange(AccountChange.Kind.REMOVED, id, was.source(), was.describe()));
            } else if (!was.equals(now)) {
                changes.add(new AccountChange(AccountChange.Kind.CHANGED, id, now.source(), now.changesFrom(was)));
            }
        }
        return changes;
    }
}
