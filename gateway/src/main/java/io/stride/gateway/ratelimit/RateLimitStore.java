package io.stride.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Where request budgets are kept: in this process, or in Redis shared by every replica. */
interface RateLimitStore {

  Mono<TokenBuckets.Decision> take(String key, TokenBuckets.Limit limit);
}
