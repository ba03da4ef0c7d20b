package io.alphintra.engine.internal.strategy;

import io.alphintra.config.support.InvalidConfigurationException;
import java.util.Map;
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
 * One strategy instance configuration ({@code etc/io.alphintra.strategy-<name>.cfg}, or {@code config:edit} in the
 * shell), handed to the host. A bad configuration is logged with its keys and values; a running instance keeps its
 * last good one.
 */
@Component(service = {}, configurationPid = StrategyInstanceConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = StrategyInstanceConfig.class, factory = true)
public final class StrategyInstanceComponent {
    private static final Logger LOG = LoggerFactory.getLogger(StrategyInstanceComponent.class);

    private final StrategyHost host;
    private String instanceId;

    @Activate
    public StrategyInstanceComponent(@Reference StrategyHost host, StrategyInstanceConfig config,
                                     Map<String, Object> properties) {
        this.host = host;
        apply(config, properties);
    }

    @Modified
    void modified(StrategyInstanceConfig config, Map<String, Object> properties) {
        apply(config, properties);
    }

    @Deactivate
    void deactivate() {
        if (instanceId != null) {
            host.unconfigure(instanceId);
        }
    }

    private void apply(StrategyInstanceConfig config, Map<String, Object> properties) {
        StrategySettings settings;
        try {
            settings = StrategySettings.from(config, properties);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. {}", e.getMessage(), instanceId == null ? "The instance is not started."
                    : "Instance " + instanceId + " keeps its running configuration.");
            return;
        }
        if (instanceId != null && !instanceId.equals(settings.instanceId())) {
            host.unconfigure(instanceId);
        }
        instanceId = settings.instanceId();
        host.configure(settings);
    }
}
