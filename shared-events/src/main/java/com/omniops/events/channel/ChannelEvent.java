package com.omniops.events.channel;

public sealed interface ChannelEvent permits ChannelRegistered, ChannelSettingsChanged {
    String channelId();
}
