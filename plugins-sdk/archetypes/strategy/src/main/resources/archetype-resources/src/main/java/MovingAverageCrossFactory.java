package ${package};

import org.osgi.service.component.annotations.Component;

import io.alphintra.sdk.money.Decimal;
import io.alphintra.sdk.strategy.Strategy;
import io.alphintra.sdk.strategy.StrategyConfig;
import io.alphintra.sdk.strategy.StrategyFactory;

/**
 * Registers the {@code ma-cross} strategy type with the engine (whiteboard: the engine picks up every
 * {@link StrategyFactory} service). One instance per strategy configuration, e.g.
 * {@code type = ma-cross, instruments = [AAPL@XNAS], fastWindow = 10, slowWindow = 30, quantity = 100}.
 *
 * <p>Every parameter is read and checked here, so a bad configuration is refused before the instance starts;
 * the quantity is checked against the instrument's lot size at start, when reference data is available.
 */
@Component(service = StrategyFactory.class)
public final class MovingAverageCrossFactory implements StrategyFactory {

    public static final String TYPE = "ma-cross";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Strategy create(StrategyConfig config) {
        if (config.instruments().size() != 1) {
            throw new IllegalArgumentException("instruments = " + config.instruments() + " of strategy instance '"
                    + config.instanceId() + "': ma-cross trades exactly one instrument");
        }
        int fast = config.getInt("fastWindow", 10);
        int slow = config.getInt("slowWindow", 30);
        if (fast < 1 || slow <= fast) {
            throw new IllegalArgumentException("parameters fastWindow = " + fast + ", slowWindow = " + slow
                    + " of strategy instance '" + config.instanceId() + "': need 1 <= fastWindow < slowWindow");
        }
        String quantity = config.getString("quantity");
        // Its scale and lot size are the instrument's, checked at start; here: is it a positive decimal at all?
        boolean positive;
        try {
            positive = Decimal.parse(quantity).mantissa() > 0;
        } catch (IllegalArgumentException | ArithmeticException e) {
            positive = false;
        }
        if (!positive) {
            throw new IllegalArgumentException("parameter 'quantity' of strategy instance '" + config.instanceId()
                    + "' = '" + quantity + "': expected a positive decimal");
        }
        return new MovingAverageCrossStrategy(config.instruments().get(0), fast, slow, quantity);
    }
}
