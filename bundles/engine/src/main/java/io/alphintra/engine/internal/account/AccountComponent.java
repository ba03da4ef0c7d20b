package io.alphintra.engine.internal.account;

import java.util.Map;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account per factory configuration {@code io.alphintra.account-NAME}: validates it and puts the account in force
 * in the {@link AccountDirectory}.
 *
 * <p>A changed configuration is validated completely first. A bad one is logged at ERROR with every key and value at
 * fault and the last good reference data stays in force. A first configuration that is bad has nothing to fall back
 * on: if its id can be read, the account is put in force as broken, so its orders are refused naming the problem; if
 * not even the id can be read, no order names it and only the log (and the journal) say so. A deleted configuration
 * takes its account out of force.
 */
@Component(service = {}, configurationPid = AccountConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = AccountConfig.class, factory = true)
public final class AccountComponent {
    private static final Logger LOG = LoggerFactory.getLogger(AccountComponent.class);

    private final AccountDirectory directory;
    private final String source;

    @Activate
    public AccountComponent(@Reference AccountDirectory directory, AccountConfig config,
            Map<String, Object> properties) {
        this.directory = directory;
        Object pid = properties.get(Constants.SERVICE_PID);
        this.source = pid == null ? AccountConfig.PID : pid.toString();
        take(config, properties);
    }

    @Modified
    synchronized void modified(AccountConfig config, Map<String, Object> properties) {
        take(config, properties);
    }

    @Deactivate
    synchronized void deactivate() {
        directory.remove(source);
    }

    private void take(AccountConfig config, Map<String, Object> properties) {
        Account account;
        try {
            account = Account.from(config, properties, source);
        } catch (IllegalArgumentException e) {
            refuse(config, e.getMessage());
            return;
        }
        if (!account.equals(directory.get(source))) {
            directory.put(account);
        }
    }

    private void refuse(AccountConfig config, String why) {
        Account running = directory.get(source);
        if (running != null && !running.isBroken()) {
            LOG.error("{} ({}). Keeping the last good reference data of account {}: {}", why, source, running.id(),
                    running.describe());
            directory.refused(source, running.id(), why + "; the last good reference data stays in force", null);
            return;
        }
        String id = Account.readableId(config);
        if (id == null) {
            LOG.error("{} ({}). Its id cannot be read, so no order is held back by it: fix the id.", why, source);
            directory.refused(source, null, why, null);
            if (running != null) {
                directory.remove(source);
            }
            return;
        }
        LOG.error("{} ({}). Orders of account {} are refused until it is fixed.", why, source, id);
        directory.refused(source, id, why, Account.broken(source, id, "its configuration is invalid: " + why));
    }
}
