using System.Globalization;
using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;
using Jamsostek.Functions.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jamsostek.Functions.Api;

public enum ExportFormat
{
    Json,
    Csv,
    Xlsx,
}

/// <summary>The query parameters the report routes share, read with the problem a wrong value deserves.</summary>
public static class ApiQuery
{
    public static ProblemHttpResult? Format(HttpContext context, out ExportFormat format)
    {
        ExportFormat? parsed = context.Request.Query["format"].FirstOrDefault()?.ToLowerInvariant() switch
        {
            null or "" or "json" => ExportFormat.Json,
            "csv" => ExportFormat.Csv,
            "xlsx" => ExportFormat.Xlsx,
            _ => null,
        };
        format = parsed ?? ExportFormat.Json;
        return parsed is null ? ApiProblems.BadParameter(ApiProblems.LanguageOf(context), "format", "json, csv, xlsx") : null;
    }

    /// <summary>The region asked for (null when none), checked against the key: 400 when malformed, 403 when outside its scope.</summary>
    public static ProblemHttpResult? Region(HttpContext context, AccessKey access, ILogger logger, out string? region)
    {
        region = null;
        var text = context.Request.Query["region"].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var language = ApiProblems.LanguageOf(context);
        if (!RegionCode.TryParse(text, out var code))
        {
            return ApiProblems.BadParameter(language, "region", language == Language.En ? "a 4-digit region code such as 5204" : "kode wilayah 4 angka, misalnya 5204");
        }
        region = code.Value.Value;
        return Allowed(context, access, logger, region);
    }

    /// <summary>403 when the key does not cover the region (an upload's, an agreement's).</summary>
    public static ProblemHttpResult? Allowed(HttpContext context, AccessKey access, ILogger logger, string region)
    {
        if (access.CanSee(region))
        {
            return null;
        }
        AccessLog.RegionRefused(logger, access.Id, region, context.Request.Path);
        return ApiProblems.RegionForbidden(ApiProblems.LanguageOf(context), region);
    }

    public static ProblemHttpResult? Date(HttpContext context, string name, out DateOnly? date)
    {
        date = null;
        var text = context.Request.Query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return null;
        }
        var language = ApiProblems.LanguageOf(context);
        return ApiProblems.BadParameter(language, name, language == Language.En ? "a date as yyyy-MM-dd" : "tanggal dengan format yyyy-MM-dd");
    }

    public static ProblemHttpResult? WholeNumber(HttpContext context, string name, int fallback, int max, out int value)
    {
        value = fallback;
        var text = context.Request.Query[name].FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max)
        {
            return null;
        }
        var language = ApiProblems.LanguageOf(context);
        return ApiProblems.BadParameter(language, name, language == Language.En ? $"a whole number from 0 to {max}" : $"bilangan bulat 0 sampai {max}");
    }

    /// <summary>The region's today: its own time zone (WIB, WITA, WIT).</summary>
    public static DateOnly TodayIn(string region, TimeProvider time) => RegionTimeZone.Today(RegionCode.Parse(region), time.GetUtcNow());
}
