package io.alphintra.engine.internal.monitor;

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
 * One loss threshold per factory configuration {@code io.alphintra.risk.loss-NAME}: validates it whole and puts it in
 * force in the {@link LossThresholdBook}, from where the engine applies it on its thread.
 *
 * <p>A bad configuration is logged at ERROR naming every key and value at fault; a bad change keeps the last good
 * threshold in force. A first configuration that is bad has nothing to fall back on: nothing of it is in force, and
 * the log says so. A deleted configuration takes its threshold out of force; a switch it engaged stays engaged.
 */
@Component(service = {}, configurationPid = LossThresholdConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = LossThresholdConfig.class, factory = true)
public final class LossThresholdComponent {
    private static final Logger LOG = LoggerFactory.getLogger(LossThresholdComponent.class);

    private final LossThresholdBook book;
    private final String source;

    @Activate
    public LossThresholdComponent(@Reference LossThresholdBook book, LossThresholdConfig config,
                                  Map<String, Object> properties) {
        this.book = book;
        Object pid = properties.get(Constants.SERVICE_PID);
        this.source = pid == null ? LossThresholdConfig.PID : pid.toString();
        try {
            LossThreshold threshold = LossThreshold.from(config, properties, source);
            book.put(threshold);
            LOG.info("Loss threshold {} in force: {}", source, threshold.describe());
        } catch (IllegalArgumentException e) {
            LOG.error("{}. Nothing of it is in force until it is fixed.", e.getMessage());
        }
    }

    @Modified
    synchronized void modified(LossThresholdConfig config, Map<String, Object> properties) {
        try {
            LossThreshold threshold = LossThreshold.from(config, properties, source);
            if (!threshold.equals(book.get(source))) {
                book.put(threshold);
                LOG.info("Loss threshold {} in force: {}", source, threshold.describe());
            }
        } catch (IllegalArgumentException e) {
            LossThreshold running = book.get(source);
            LOG.error("{}. {}", e.getMessage(), running == null ? "Nothing of it is in force until it is fixed."
                    : "Keeping the last good threshold: " + running.describe());
        }
    }

    @Deactivate
    synchronized void deactivate() {
        book.remove(source);
    }
}
