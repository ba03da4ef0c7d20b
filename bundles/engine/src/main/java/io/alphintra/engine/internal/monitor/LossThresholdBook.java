package io.alphintra.engine.internal.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.osgi.service.component.annotations.Component;

/**
 * The loss thresholds in force, by the configuration they come from, handed whole to the engine whenever one changes
 * (the engine copies them onto its thread). Configuration threads write it; only the engine's listener reads it.
 */
@Component(service = LossThresholdBook.class)
public final class LossThresholdBook {
    private final Map<String, LossThreshold> bySource = new TreeMap<>();
    private Consumer<List<LossThreshold>> listener;

    /** Puts a threshold in force, replacing the one of the same source. */
    public synchronized void put(LossThreshold threshold) {
        bySource.put(threshold.source(), threshold);
        publish();
    }

    public synchronized LossThreshold get(String source) {
        return bySource.get(source);
    }

    public synchronized void remove(String source) {
        if (bySource.remove(source) != null) {
            publish();
        }
    }

    /** Where every change goes from now on, starting with what is in force now; null to stop. */
    public synchronized void listen(Consumer<List<LossThreshold>> listener) {
        this.listener = listener;
        publish();
    }

    private void publish() {
        if (listener != null) {
            listener.accept(List.copyOf(new ArrayList<>(bySource.values())));
        }
    }
}
