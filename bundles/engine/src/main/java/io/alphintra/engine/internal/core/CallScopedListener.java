package io.alphintra.engine.internal.core;

import io.alphintra.engine.EngineListener;

/**
 * An {@link EngineListener} that reads each trade and top of book only during the call and copies what it keeps,
 * as the SDK's {@code Trade} and {@code TopOfBook} allow: it is handed the engine's reused flyweights. Every other
 * listener gets immutable records it may keep, as the exported {@code EngineListener} promises; while one is
 * registered that costs one record per event, shared by all of them.
 */
public interface CallScopedListener extends EngineListener {
}
