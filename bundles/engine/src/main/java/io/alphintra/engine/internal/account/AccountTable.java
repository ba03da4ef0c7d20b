package io.alphintra.engine.internal.account;

import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.RejectReason;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts in force, by id. Immutable: a change builds a new table, published through one volatile field, so the
 * engine thread decides every order with one whole table and without locking. Deciding an order the table permits is
 * a hash lookup and allocates nothing.
 */
public final class AccountTable {
    public static final AccountTable EMPTY = new AccountTable(Map.of());

    private final Map<String, Account> byId;

    private AccountTable(Map<String, Account> byId) {
        this.byId = byId;
    }

    /** A table of {@code accounts}, whose ids must differ. */
    public static AccountTable of(Collection<Account> accounts) {
        Map<String, Account> byId = new HashMap<>();
        for (Account account : accounts) {
            if (byId.putIfAbsent(account.id(), account) != null) {
                throw new IllegalArgumentException("account " + account.id() + " is given twice");
            }
        }
        return byId.isEmpty() ? EMPTY : new AccountTable(Map.copyOf(byId));
    }

    /** The account of {@code id}, or null when none is configured. */
    public Account get(String id) {
        return byId.get(id);
    }

    /** Every account, broken ones included, sorted by id. */
    public List<Account> accounts() {
        return byId.values().stream().sorted(Comparator.comparing(Account::id)).toList();
    }

    public int size() {
        return byId.size();
    }

    /**
     * Why {@code order} (a new order, or the order a replace would make) may not be placed for its account, or null
     * when it may: the account must be configured, in force, active and permitted the order's venue and instrument.
     */
    public Account.Refusal refusal(OrderRequest order) {
        String id = order.attribution().accountId();
        Account account = byId.get(id);
        if (account == null) {
            return new Account.Refusal(RejectReason.UNKNOWN_ACCOUNT, "account " + id + " is not configured (no"
                    + " etc/" + AccountConfig.PID + "-*.cfg has id = " + id + ")");
        }
        return account.refusal(order.instrument().id());
    }
}
