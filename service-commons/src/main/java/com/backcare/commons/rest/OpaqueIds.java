package com.backcare.commons.rest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.backcare.commons.problem.ApiProblem;

/**
 * Turns a global sequence number (an audit record's, an alert change's) into an id that says nothing: one AES block
 * of the number and a digest of the clinic, under the deployment's key. A clinic cannot read how busy the others are
 * from the gaps, and an id issued to one clinic does not decode for another. Every instance shares the key
 * ({@code BACKCARE_OPAQUE_IDS_KEY}), so a client may resume on any of them.
 */
@ApplicationScoped
public class OpaqueIds {

    @ConfigProperty(name = "backcare.opaque-ids.key")
    String key;

    private SecretKeySpec aes;

    @PostConstruct
    void init() {
        aes = new SecretKeySpec(Arrays.copyOf(sha256(key), 16), "AES");
    }

    public String encode(String clinicId, long sequence) {
        ByteBuffer block = ByteBuffer.allocate(16).putLong(sequence).put(sha256(clinicId), 0, 8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(apply(Cipher.ENCRYPT_MODE, block.array()));
    }

    /** The sequence number behind an id this clinic was given; a 400 naming {@code field} for anything else. */
    public long decode(String clinicId, String id, String field) {
        byte[] block;
        try {
            block = apply(Cipher.DECRYPT_MODE, Base64.getUrlDecoder().decode(id.trim()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ApiProblem.invalidField(field, "is not an id this API issued");
        }
        ByteBuffer buffer = ByteBuffer.wrap(block);
        long sequence = buffer.getLong();
        byte[] clinic = new byte[8];
        buffer.get(clinic);
        if (!MessageDigest.isEqual(clinic, Arrays.copyOf(sha256(clinicId), 8))) {
            throw ApiProblem.invalidField(field, "is not an id this API issued");
        }
        return sequence;
    }

    private byte[] apply(int mode, byte[] block) {
        if (block.length != 16) {
            throw new IllegalArgumentException("not one block");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding"); // one block: a keyed permutation of it
            cipher.init(mode, aes);
            return cipher.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
