package com.omniops.events.channel;

public enum ChannelType { WEBSITE, MARKETPLACE, B2B }
