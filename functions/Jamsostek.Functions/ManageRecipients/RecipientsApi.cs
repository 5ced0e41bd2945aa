using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;
using Jamsostek.Functions.Access;
using Jamsostek.Functions.Recipients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.ManageRecipients;

/// <summary>
/// /api/manage/recipients (function ManageRecipients, authLevel admin: the host checks the master key): who gets
/// each region's weekly digest (name, role, address, language), changed without a redeploy. PUT with an id of the
/// operator's choosing is create-or-replace, so loading a list twice changes nothing.
/// </summary>
public static partial class RecipientsApi
{
    internal static async Task<Results<Ok<RecipientList>, ProblemHttpResult>> ListAsync(HttpContext context, RecipientStore store, CancellationToken cancellationToken)
    {
        string? region = null;
        if (context.Request.Query["region"].FirstOrDefault() is { Length: > 0 } text)
        {
            if (!RegionCode.TryParse(text, out var code))
            {
                var language = ApiProblems.LanguageOf(context);
                return ApiProblems.BadParameter(language, "region", language == Language.En ? "a 4-digit region code such as 5204" : "kode wilayah 4 angka, misalnya 5204");
            }
            region = code.Value.Value;
        }
        return TypedResults.Ok(new RecipientList([.. (await store.ListAsync(region, cancellationToken)).Select(RecipientInfo.From)]));
    }

    internal static async Task<Results<Ok<RecipientInfo>, ProblemHttpResult>> GetAsync(string recipientId, HttpContext context, RecipientStore store,
        CancellationToken cancellationToken) =>
        await store.FindAsync(recipientId, cancellationToken) is { } found
            ? TypedResults.Ok(RecipientInfo.From(found))
            : NotFound(context, recipientId);

    internal static async Task<Results<Created<RecipientInfo>, ProblemHttpResult>> CreateAsync(RecipientRequest request, HttpContext context,
        RecipientStore store, TimeProvider time, ILogger<RecipientStore> logger, CancellationToken cancellationToken)
    {
        var id = string.IsNullOrWhiteSpace(request.Id) ? null : request.Id.Trim();
        if (Validate(context, request, id, out var entity) is { } problem)
        {
            return problem;
        }
        entity.RowKey = id ?? $"{entity.Region}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        entity.CreatedAt = entity.UpdatedAt = time.GetUtcNow();
        if (!await store.TryAddAsync(entity, cancellationToken))
        {
            var language = ApiProblems.LanguageOf(context);
            return TypedResults.Problem(
                language == Language.En ? $"A recipient with id {entity.RowKey} exists; PUT /api/manage/recipients/{entity.RowKey} replaces it."
                    : $"Penerima dengan id {entity.RowKey} sudah ada; PUT /api/manage/recipients/{entity.RowKey} menggantinya.",
                statusCode: StatusCodes.Status409Conflict, title: language == Language.En ? "Recipient exists" : "Penerima sudah ada",
                type: "https://httpstatuses.io/409");
        }
        RecipientLog.Saved(logger, entity.RowKey, entity.Region);
        return TypedResults.Created($"/api/manage/recipients/{entity.RowKey}", RecipientInfo.From(entity));
    }

    internal static async Task<Results<Ok<RecipientInfo>, Created<RecipientInfo>, ProblemHttpResult>> PutAsync(string recipientId, RecipientRequest request,
        HttpContext context, RecipientStore store, TimeProvider time, ILogger<RecipientStore> logger, CancellationToken cancellationToken)
    {
        if (Validate(context, request, recipientId, out var entity) is { } problem)
        {
            return problem;
        }
        var existing = await store.FindAsync(recipientId, cancellationToken);
        entity.RowKey = recipientId;
        entity.UpdatedAt = time.GetUtcNow();
        entity.CreatedAt = existing?.CreatedAt ?? entity.UpdatedAt;
        entity.LastSentWeek = existing?.LastSentWeek;
        await store.SaveAsync(entity, cancellationToken);
        RecipientLog.Saved(logger, entity.RowKey, entity.Region);
        return existing is null
            ? TypedResults.Created($"/api/manage/recipients/{recipientId}", RecipientInfo.From(entity))
            : TypedResults.Ok(RecipientInfo.From(entity));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string recipientId, HttpContext context, RecipientStore store,
        ILogger<RecipientStore> logger, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(recipientId, cancellationToken))
        {
            return NotFound(context, recipientId);
        }
        RecipientLog.Deleted(logger, recipientId);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound(HttpContext context, string recipientId)
    {
        var language = ApiProblems.LanguageOf(context);
        return ApiProblems.NotFound(language, language == Language.En ? $"A recipient with id {recipientId}" : $"Penerima dengan id {recipientId}");
    }

    private static ProblemHttpResult? Validate(HttpContext context, RecipientRequest request, string? id, out RecipientEntity entity)
    {
        var callerLanguage = ApiProblems.LanguageOf(context);
        entity = new RecipientEntity();
        // Problems are written in the caller's language, as every answer of the API.
        string InCallerLanguage(string indonesian, string english) => callerLanguage == Language.En ? english : indonesian;
        if (id is not null && !RecipientId().IsMatch(id))
        {
            return ApiProblems.BadParameter(callerLanguage, "id", InCallerLanguage("1-64 huruf kecil, angka atau tanda minus, misalnya 5204-bupati", "1-64 lower-case letters, digits or dashes, e.g. 5204-bupati"));
        }
        if (!RegionCode.TryParse(request.Region, out var region))
        {
            return ApiProblems.BadParameter(callerLanguage, "region", InCallerLanguage("kode wilayah 4 angka, misalnya 5204", "a 4-digit region code such as 5204"));
        }
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            return ApiProblems.BadParameter(callerLanguage, "name", InCallerLanguage("nama 1-200 karakter", "a name of 1-200 characters"));
        }
        var role = request.Role?.Trim() ?? "";
        if (role.Length > 200)
        {
            return ApiProblems.BadParameter(callerLanguage, "role", InCallerLanguage("jabatan paling banyak 200 karakter", "a role of at most 200 characters"));
        }
        var email = request.Email?.Trim();
        if (email is null || email.Length > 254 || !EmailAddress().IsMatch(email))
        {
            return ApiProblems.BadParameter(callerLanguage, "email", InCallerLanguage("alamat email seperti kadisnaker@sumbawakab.go.id", "an email address such as kadisnaker@sumbawakab.go.id"));
        }
        var recipientLanguage = (request.Language ?? "id").Trim().ToLowerInvariant();
        if (recipientLanguage is not ("id" or "en"))
        {
            return ApiProblems.BadParameter(callerLanguage, "language", InCallerLanguage("id (Bahasa Indonesia) atau en (English)", "id (Bahasa Indonesia) or en (English)"));
        }
        entity.Region = region.Value.Value;
        entity.Name = name;
        entity.Role = role;
        entity.Email = email;
        entity.Language = recipientLanguage;
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex RecipientId();

    [GeneratedRegex(@"^[^@\s<>,;""]+@[^@\s<>,;""]+\.[^@\s<>,;""]+$")]
    private static partial Regex EmailAddress();
}

/// <param name="Id">Optional on POST (generated as {region}-{8 hex}); taken from the route on PUT.</param>
/// <param name="Language">"id" (default) or "en".</param>
public sealed record RecipientRequest(string? Id, string? Region, string? Name, string? Role, string? Email, string? Language);

public sealed record RecipientList(IReadOnlyList<RecipientInfo> Recipients);

/// <param name="LastSentWeek">The ISO week of the last digest sent to this recipient ("2026-W49"), if any.</param>
public sealed record RecipientInfo(string Id, string Region, string Name, string Role, string Email, string Language,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? LastSentWeek)
{
    public static RecipientInfo From(RecipientEntity entity) => new(entity.RowKey, entity.Region, entity.Name, entity.Role, entity.Email,
        entity.Language, entity.CreatedAt, entity.UpdatedAt, entity.LastSentWeek);
}

/// <summary>Recipient ids and regions only: names and addresses are personal data.</summary>
internal static partial class RecipientLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Digest recipient {RecipientId} saved for region {Region}")]
    public static partial void Saved(ILogger logger, string recipientId, string region);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Digest recipient {RecipientId} removed")]
    public static partial void Deleted(ILogger logger, string recipientId);
}
