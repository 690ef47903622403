using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kennisplatform.Web.Tests;

/// <summary>
/// A WebAuthn authenticator in a few lines, for tests that talk to the server without a browser: one P-256 key
/// per credential, "none" attestation, user present and verified. It answers the server's options JSON with the
/// credential JSON a browser would post, and can be told to lie (another origin, a broken signature).
/// </summary>
public sealed class SoftwareAuthenticator
{
    private sealed record Credential(byte[] Id, ECDsa Key, byte[] UserHandle, string RpId) { public uint Count; }

    private readonly List<Credential> credentials = [];

    public string Origin { get; set; } = "http://localhost";
    public bool BreakSignature { get; set; }

    /// <summary>navigator.credentials.create(): a new key for the user and relying party in <paramref name="optionsJson"/>.</summary>
    public string Create(string optionsJson)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var rpId = (string)options["rp"]!["id"]!;
        var credential = new Credential(RandomNumberGenerator.GetBytes(16), ECDsa.Create(ECCurve.NamedCurves.nistP256),
            Base64Url((string)options["user"]!["id"]!), rpId);
        credentials.Add(credential);

        var point = credential.Key.ExportParameters(false).Q;
        var coseKey = Cbor.Map((Cbor.Int(1), Cbor.Int(2)), (Cbor.Int(3), Cbor.Int(-7)), (Cbor.Int(-1), Cbor.Int(1)),
            (Cbor.Int(-2), Cbor.Bytes(point.X!)), (Cbor.Int(-3), Cbor.Bytes(point.Y!)));
        var authData = Concat(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), [0x45], BigEndian(0), new byte[16],
            [(byte)(credential.Id.Length >> 8), (byte)credential.Id.Length], credential.Id, coseKey);
        var attestation = Cbor.Map((Cbor.Text("fmt"), Cbor.Text("none")), (Cbor.Text("attStmt"), Cbor.Map()), (Cbor.Text("authData"), Cbor.Bytes(authData)));
        var clientData = ClientData("webauthn.create", (string)options["challenge"]!);
        return JsonSerializer.Serialize(new
        {
            id = Base64Url(credential.Id), rawId = Base64Url(credential.Id), type = "public-key", authenticatorAttachment = "platform",
            clientExtensionResults = new { },
            response = new { clientDataJSON = Base64Url(clientData), attestationObject = Base64Url(attestation), transports = new[] { "internal" } },
        });
    }

    /// <summary>navigator.credentials.get(): signs the challenge with the first (or the given) credential for the relying party.</summary>
    public string Get(string optionsJson, int index = 0)
    {
        var options = JsonNode.Parse(optionsJson)!;
        var rpId = (string?)options["rpId"] ?? "localhost";
        var credential = credentials.Where(c => c.RpId == rpId).ElementAt(index);
        credential.Count++;
        var authData = Concat(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), [0x05], BigEndian(credential.Count));
        var clientData = ClientData("webauthn.get", (string)options["challenge"]!);
        var signature = credential.Key.SignData(Concat(authData, SHA256.HashData(clientData)), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        if (BreakSignature)
            signature[^1] ^= 0xFF;
        return JsonSerializer.Serialize(new
        {
            id = Base64Url(credential.Id), rawId = Base64Url(credential.Id), type = "public-key", authenticatorAttachment = "platform",
            clientExtensionResults = new { },
            response = new
            {
                clientDataJSON = Base64Url(clientData), authenticatorData = Base64Url(authData),
                signature = Base64Url(signature), userHandle = Base64Url(credential.UserHandle),
            },
        });
    }

    private byte[] ClientData(string type, string challenge) =>
        JsonSerializer.SerializeToUtf8Bytes(new { type, challenge, origin = Origin, crossOrigin = false });

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
    private static byte[] Base64Url(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);

    /// <summary>The few CBOR (RFC 8949) shapes WebAuthn needs: small integers, byte and text strings, maps.</summary>
    private static class Cbor
    {
        private static byte[] Head(int major, long value) => value switch
        {
            < 24 => [(byte)(major << 5 | (int)value)],
            < 256 => [(byte)(major << 5 | 24), (byte)value],
            _ => [(byte)(major << 5 | 25), (byte)(value >> 8), (byte)value],
        };

        public static byte[] Int(int value) => value >= 0 ? Head(0, value) : Head(1, -1 - value);
        public static byte[] Bytes(byte[] value) => [.. Head(2, value.Length), .. value];
        public static byte[] Text(string value)
        {
            var utf8 = Encoding.UTF8.GetBytes(value);
            return [.. Head(3, utf8.Length), .. utf8];
        }
        public static byte[] Map(params (byte[] Key, byte[] Value)[] entries) =>
            [.. Head(5, entries.Length), .. entries.SelectMany(e => e.Key.Concat(e.Value))];
    }
}
