using Jamsostek.Core.Regions;
using Jamsostek.Functions.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.Api;

/// <summary>
/// /api/manage/keys (function ManageKeys, authLevel admin: the host checks the master key): create a key scoped to
/// regions (or all) with or without personal-data permission, list keys, revoke one. No redeploy needed.
/// </summary>
public static class KeysApi
{
    internal static async Task<Results<Created<CreatedKey>, ProblemHttpResult>> CreateAsync(CreateKeyRequest request, HttpContext context,
        ApiKeyStore keys, TimeProvider timeProvider, ILogger<ApiKeyStore> logger, CancellationToken cancellationToken)
    {
        var language = ApiProblems.LanguageOf(context);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return ApiProblems.BadParameter(language, "name", language == Core.Templates.Language.En ? "a name of 1-200 characters (the office it is for)" : "nama 1-200 karakter (kantor pemegang kunci)");
        }
        List<string>? regions = null;
        if (request.Regions is not ["*"])
        {
            regions = [];
            foreach (var text in request.Regions ?? [])
            {
                if (!RegionCode.TryParse(text, out var region))
                {
                    return ApiProblems.BadParameter(language, "regions", language == Core.Templates.Language.En ? "[\"*\"] or 4-digit region codes" : "[\"*\"] atau kode wilayah 4 angka");
                }
                regions.Add(region.Value.Value);
            }
            if (regions.Count == 0)
            {
                return ApiProblems.BadParameter(language, "regions", language == Core.Templates.Language.En ? "[\"*\"] or at least one region code" : "[\"*\"] atau sedikitnya satu kode wilayah");
            }
        }
        if (request.ExpiresAt is { } expires && expires <= timeProvider.GetUtcNow())
        {
            return ApiProblems.BadParameter(language, "expiresAt", language == Core.Templates.Language.En ? "a moment in the future, or none" : "waktu yang akan datang, atau kosong");
        }
        var (key, entity) = await keys.CreateAsync(request.Name.Trim(), regions?.Distinct().ToList(), request.Pii, request.Upload, request.ExpiresAt, cancellationToken);
        AccessLog.KeyCreated(logger, entity.KeyId, entity.Name, entity.Regions, entity.Pii);
        return TypedResults.Created($"/api/manage/keys/{entity.KeyId}", new CreatedKey(key, KeyInfo.From(entity)));
    }

    internal static async Task<Ok<KeyList>> ListAsync(ApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(new KeyList([.. (await keys.ListAsync(cancellationToken)).Select(KeyInfo.From)]));

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string keyId, HttpContext context, ApiKeyStore keys,
        ILogger<ApiKeyStore> logger, CancellationToken cancellationToken)
    {
        if (!await keys.RevokeAsync(keyId, cancellationToken))
        {
            var language = ApiProblems.LanguageOf(context);
            return ApiProblems.NotFound(language, language == Core.Templates.Language.En ? $"An active key with id {keyId}" : $"Kunci aktif dengan id {keyId}");
        }
        AccessLog.KeyRevoked(logger, keyId);
        return TypedResults.NoContent();
    }
}

/// <param name="Regions">["*"] for every region, or region codes.</param>
/// <param name="Pii">Whether the key sees NIKs unmasked and may download rejected rows.</param>
/// <param name="Upload">Whether the key may upload sheets (POST /api/uploads).</param>
/// <param name="ExpiresAt">When the key stops working; none for no expiry.</param>
public sealed record CreateKeyRequest(string Name, IReadOnlyList<string>? Regions, bool Pii, bool Upload = false, DateTimeOffset? ExpiresAt = null);

/// <param name="Key">The key itself: shown once, stored only as a hash.</param>
public sealed record CreatedKey(string Key, KeyInfo Info);

public sealed record KeyList(IReadOnlyList<KeyInfo> Keys);

public sealed record KeyInfo(string KeyId, string Name, IReadOnlyList<string> Regions, bool Pii, bool Upload, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    public static KeyInfo From(ApiKeyEntity entity) => new(entity.KeyId, entity.Name,
        entity.Regions.Split(',', StringSplitOptions.RemoveEmptyEntries), entity.Pii, entity.Upload, entity.CreatedAt, entity.ExpiresAt, entity.RevokedAt);
}
