package io.stride.auth.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token signing keys ({@code stride.auth.keys.*}).
 *
 * @param keyEncryptionKey base64 AES-256 key that encrypts private keys at rest
 * @param rotation how long a key signs before a new one takes over
 * @param publishedAfterRetirement how long a retired key stays in the JWKS (must exceed the longest
 *     token lifetime so tokens it signed still verify)
 */
@ConfigurationProperties("stride.auth.keys")
record SigningKeyProperties(
    String keyEncryptionKey,
    @DefaultValue("30d") Duration rotation,
    @DefaultValue("1d") Duration publishedAfterRetirement) {}
