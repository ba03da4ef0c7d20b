package io.alphintra.engine;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Strategy instances as the shell and the HTTP API manage them at run time: an instance is a factory configuration
 * ({@code etc/io.alphintra.strategy-<id>.cfg}), so what is created here survives a restart and what is removed is
 * gone from {@code etc/}. Every change is logged with who made it.
 *
 * @since 1.6
 */
@ProviderType
public interface StrategyControl {

    /** The strategy types installed, by type. */
    List<StrategyType> types();

    /** Every configured instance, by id. */
    List<StrategyInstance> instances();

    /**
     * Creates an instance and starts it once its type is installed.
     *
     * @param settings the instance's settings as its configuration file spells them: {@code instruments}, {@code
     *                 accountId}, {@code traderId}, optional ones such as {@code maxOrdersPerSecond}, and
     *                 {@code param.<name>} for the strategy's own parameters
     * @throws IllegalArgumentException naming the key and value when the id is taken or malformed, the type unknown, a
     *     required setting missing, or a value invalid; nothing is created then
     */
    StrategyInstance create(String id, String type, Map<String, String> settings, String createdBy);

    /**
     * Starts a stopped or quarantined instance.
     *
     * @return what happened, for the operator
     * @throws IllegalArgumentException when no instance has the id
     */
    String start(String id, String by);

    /**
     * Stops an instance (its working orders cancelled as its configuration says; positions are kept).
     *
     * @throws IllegalArgumentException when no instance has the id
     */
    String stop(String id, String by);

    /**
     * Stops an instance and deletes its configuration.
     *
     * @return false when no instance has the id
     */
    boolean remove(String id, String by);
}
