package dev.switchboard.engine;

/** Makes the adapter of a namespace; the engine hands it the namespace to deliver locally. */
@FunctionalInterface
public interface AdapterFactory {
    Adapter create(LocalDelivery namespace);
}
