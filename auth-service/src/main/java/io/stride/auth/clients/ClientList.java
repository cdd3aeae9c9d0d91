package io.stride.auth.clients;

import java.util.List;

/** Every OAuth client, by id: a registry of tens, not a feed. */
record ClientList(List<ClientView> items) {}
