package dev.switchboard.redis;

import dev.switchboard.engine.Adapter;
import dev.switchboard.engine.AdapterFactory;
import dev.switchboard.engine.LocalDelivery;

/** Gives every namespace of the engine a {@link RedisAdapter} over one shared {@link RedisBackplane}. */
public record RedisAdapterFactory(RedisBackplane backplane) implements AdapterFactory {

    @Override
    public Adapter create(LocalDelivery namespace) {
        return new RedisAdapter(namespace, backplane);
    }
}
