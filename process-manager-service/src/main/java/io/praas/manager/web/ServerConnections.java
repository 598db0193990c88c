package io.praas.manager.web;

import io.netty.channel.ChannelPipeline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** How the manager's HTTP server treats its connections. */
@Configuration(proxyBeanMethods = false)
class ServerConnections {

    /** Keeps every kept-alive connection read after each answer (see {@link ReadAfterAnswer}). */
    @Bean
    NettyServerCustomizer readAfterEveryAnswer() {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, ReadAfterAnswer.NAME, ReadAfterAnswer.INSTANCE);
            }
        });
    }
}
