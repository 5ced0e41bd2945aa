using System.Globalization;
using Jamsostek.Core.Findings;
using Jamsostek.Core.Templates;
using static Jamsostek.Core.Findings.FindingArgument;

namespace Jamsostek.Core.Ingestion;

/// <summary>
/// What an office clerk reads when a file is rejected, as data: the template (FindingText.resx and its English
/// twin) and its arguments, put into words by <see cref="FindingText"/>.
/// </summary>
public static class FileMessages
{
    /// <summary>The message for a rejection: its own findings' messages when it has them, else one made from its code.</summary>
    public static string For(UploadRejectedException rejection, Language language) =>
        rejection.Findings.Count > 0
            ? string.Join(" ", rejection.Findings.Select(f => FindingText.Render(f, language)))
            : For(rejection.Code, rejection.Arguments, language);

    /// <summary>The rejection's message in <paramref name="language"/>; the code itself for a code without a template.</summary>
    public static string For(string code, IReadOnlyList<object> arguments, Language language) =>
        Message(code, arguments) is { } message && FindingText.Templates(language).ContainsKey(message.Key)
            ? FindingText.Render(message, language)
            : code;

    /// <summary>The message of a rejection made from its code and the arguments the check that threw gave.</summary>
    public static FindingMessage Message(string code, IReadOnlyList<object> arguments) => (code, arguments) switch
    {
        (FindingCode.FileTooLarge, [StagedTextBudget budget]) => TooMuchText(budget),
        // Rounded up, so that a file just over the limit does not read as "50 MB" beside "the limit is 50 MB".
        (FindingCode.FileTooLarge, [long bytes, ..]) => new(code, Number("size", Math.Ceiling(bytes / 104_857.6m) / 10)),
        (FindingCode.FileTooLarge, _) => new(FindingMessage.Variant(code, "SizeUnknown")),
        (FindingCode.FileType, _) => FileType(arguments.Count > 0 ? Convert.ToString(arguments[0], CultureInfo.InvariantCulture) : null),
        (FindingCode.FileUnreadable, [ReadTimeExceeded slow]) => new(FindingMessage.Variant(code, "TooSlow"),
            Literal("minutes", slow.Limit.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)), Literal("row", slow.RowNumber)),
        (FindingCode.FileUnreadable, [int columns, _]) => new(FindingMessage.Variant(code, "TooManyColumns"), Literal("columns", columns)),
        (FindingCode.RegionMismatch, _) => new(code, Literal("folder", arguments.Count > 0 ? Convert.ToString(arguments[0], CultureInfo.InvariantCulture) ?? "" : "")),
        _ => new(code),
    };

    public static FindingMessage DataDateUnusable(DataDate found, DateOnly? today) => (found.Date, today) switch
    {
        (null, _) => new(FindingMessage.Variant(FindingCode.DateFormat, "DataDate"), Literal("text", found.Text), Literal("cell", found.Cell)),
        ({ } date, { } t) => new(FindingMessage.Variant(FindingCode.DateInFuture, "DataDate"), Date("date", date), Literal("cell", found.Cell), Date("today", t)),
        ({ } date, null) => new(FindingMessage.Variant(FindingCode.DateInFuture, "DataDateTodayUnknown"), Date("date", date), Literal("cell", found.Cell)),
    };

    public static FindingMessage RegionMismatch(string written, string region, string cell) =>
        new(FindingMessage.Variant(FindingCode.RegionMismatch, "Cell"), Literal("written", written), Literal("cell", cell), Literal("region", region));

    private static FindingMessage TooMuchText(StagedTextBudget budget)
    {
        var variant = budget.Over switch
        {
            StagedTextBudget.Scope.Row => "TextInRow",
            StagedTextBudget.Scope.Chunk => "TextInChunk",
            _ => "TextInFile",
        };
        return new(FindingMessage.Variant(FindingCode.FileTooLarge, variant), Literal("row", budget.RowNumber), Number("limit", budget.LimitBytes / 1_048_576));
    }

    private static FindingMessage FileType(string? detected) => detected switch
    {
        "PDF" => new(FindingMessage.Variant(FindingCode.FileType, "Pdf")),
        "zip" => new(FindingMessage.Variant(FindingCode.FileType, "Zip")),
        { Length: > 0 } other when other.Contains("image", StringComparison.Ordinal) => new(FindingMessage.Variant(FindingCode.FileType, "Image")),
        { Length: > 0 } other => new(FindingCode.FileType, Literal("kind", other)),
        _ => new(FindingMessage.Variant(FindingCode.FileType, "Binary")),
    };
}
