package io.socialdesk.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private static final String TOKEN = "mastodon-access-token-QWERTY-123";
    private final SecretBox box = SecretBox.of(SecretBox.newKey());

    @Property(tries = 200)
    void whatIsSealedOpensToTheSameText(@ForAll String plaintext) {
        SecretBox b = SecretBox.of(fixedKey(7));
        assertThat(b.open(b.seal(plaintext, "account:42:credentials"), "account:42:credentials")).isEqualTo(plaintext);
    }

    @Test
    void aSealedValueShowsNeitherThePlaintextNorItsBase64() {
        String sealed = box.seal(TOKEN, "account:42:credentials");

        assertThat(sealed).startsWith("v1." + box.keyId() + ".").doesNotContain(TOKEN)
                .doesNotContain(Base64.getEncoder().withoutPadding().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8)).substring(0, 12));
    }

    @Test
    void twoSealsOfOneValueDifferBecauseEachHasItsOwnNonce() {
        String first = box.seal(TOKEN, "account:42:credentials");
        String second = box.seal(TOKEN, "account:42:credentials");

        assertThat(first).isNotEqualTo(second);
        assertThat(Base64.getUrlDecoder().decode(first.split("\\.")[2])).hasSize(12 + TOKEN.length() + 16);
    }

    @Test
    void aFlippedByteAnywhereIsRefusedWithAClearErrorAndNoPlaintext() {
        String sealed = box.seal(TOKEN, "account:42:credentials");
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.split("\\.")[2]);
        for (int i = 0; i < bytes.length; i++) {
            byte[] spoiled = bytes.clone();
            spoiled[i] ^= 0x01;
            String altered = "v1." + box.keyId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(spoiled);
            assertThatThrownBy(() -> box.open(altered, "account:42:credentials"))
                    .isInstanceOf(SecretException.class)
                    .hasMessage("The stored secret for account:42:credentials failed its integrity check: it was changed, or belongs to another row")
                    .hasMessageNotContaining(TOKEN);
        }
    }

    @Test
    void aTruncatedOrGarbledValueIsRefusedToo() {
        String sealed = box.seal(TOKEN, "account:42:credentials");

        assertThatThrownBy(() -> box.open(sealed.substring(0, 20), "account:42:credentials")).isInstanceOf(SecretException.class);
        assertThatThrownBy(() -> box.open(sealed + "%%", "account:42:credentials")).isInstanceOf(SecretException.class);
        assertThatThrownBy(() -> box.open("plain-text-token", "account:42:credentials"))
                .isInstanceOf(SecretException.class).hasMessageContaining("not in a format");
        assertThatThrownBy(() -> box.open(sealed.replaceFirst("^v1", "v9"), "account:42:credentials"))
                .isInstanceOf(SecretException.class).hasMessageContaining("not in a format");
    }

    @Test
    void aCiphertextCopiedToAnotherRowIsRefused() {
        String sealed = box.seal(TOKEN, "account:42:credentials");

        assertThatThrownBy(() -> box.open(sealed, "account:43:credentials"))
                .isInstanceOf(SecretException.class).hasMessageContaining("account:43:credentials").hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> box.open(sealed, "oauth-client:X"))
                .isInstanceOf(SecretException.class);
    }

    @Test
    void anotherKeyCannotOpenItAndSaysWhichKeyIsMissing() {
        String sealed = box.seal(TOKEN, "account:42:credentials");
        SecretBox other = SecretBox.of(SecretBox.newKey());

        assertThatThrownBy(() -> other.open(sealed, "account:42:credentials"))
                .isInstanceOf(SecretException.class).hasMessageContaining("sealed with key " + box.keyId()).hasMessageContaining("not loaded");
    }

    @Test
    void aRenamedKeyIdIsRefusedBecauseTheHeaderIsAuthenticated() {
        byte[] older = fixedKey(1);
        byte[] newer = fixedKey(2);
        SecretBox rotated = SecretBox.of(newer, List.of(older));
        String sealedWithOlder = SecretBox.of(older).seal(TOKEN, "a:1");
        String relabelled = sealedWithOlder.replace(SecretBox.idOf(older), SecretBox.idOf(newer));

        assertThatThrownBy(() -> rotated.open(relabelled, "a:1")).isInstanceOf(SecretException.class);
    }

    @Test
    void afterARotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        byte[] older = fixedKey(1);
        byte[] newer = fixedKey(2);
        String old = SecretBox.of(older).seal(TOKEN, "a:1");
        SecretBox rotated = SecretBox.of(newer, List.of(older));

        assertThat(rotated.open(old, "a:1")).isEqualTo(TOKEN);
        assertThat(rotated.sealedWithOlderKey(old)).isTrue();
        String fresh = rotated.seal(TOKEN, "a:1");
        assertThat(rotated.sealedWithOlderKey(fresh)).isFalse();
        assertThat(fresh).contains("." + SecretBox.idOf(newer) + ".");
        assertThatThrownBy(() -> SecretBox.of(older).open(fresh, "a:1")).isInstanceOf(SecretException.class);
    }

    @Test
    void keysOfTheWrongSizeAndMissingAssociatedDataAreRefused() {
        assertThatThrownBy(() -> SecretBox.of(new byte[16])).isInstanceOf(SecretException.class).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> box.seal(TOKEN, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(box.toString()).doesNotContain(Base64.getEncoder().encodeToString(fixedKey(3)));
    }

    static byte[] fixedKey(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) key[i] = (byte) (seed * 31 + i);
        return key;
    }
}
