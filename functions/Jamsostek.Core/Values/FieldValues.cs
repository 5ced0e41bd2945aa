using Jamsostek.Core.Regions;
using Jamsostek.Core.Templates;

namespace Jamsostek.Core.Values;

/// <summary>A parsed cell of any field type: the value in its staged form (ISO date, number, canonical code) or the error.</summary>
public readonly record struct FieldValue(object? Value, string? ErrorCode, string? Problem)
{
    public bool IsError => ErrorCode is not null;

    public static FieldValue From<T>(ParsedValue<T> parsed, Func<T, object>? staged = null) where T : notnull =>
        parsed.IsOk
            ? new FieldValue(staged is null ? parsed.Value : staged(parsed.Value), null, null)
            : new FieldValue(null, parsed.ErrorCode, parsed.Problem);
}

/// <summary>Reads a cell by the type of the field it stands under, with the parser that type names.</summary>
public static class FieldValues
{
    public const string RegionFormat = "REGION_FORMAT";

    public static FieldValue Parse(FieldType type, object? cell) => type switch
    {
        FieldType.Text => FieldValue.From(TextValue.Parse(cell)),
        FieldType.Nik => FieldValue.From(Nik.Parse(cell)),
        FieldType.Date => FieldValue.From(IndonesianDate.Parse(cell)),
        FieldType.Amount => FieldValue.From(RupiahAmount.Parse(cell)),
        FieldType.WholeNumber => FieldValue.From(WholeNumber.Parse(cell)),
        FieldType.Gender => FieldValue.From(GenderValue.Parse(cell), g => g == Gender.Female ? "P" : "L"),
        FieldType.Occupation => FieldValue.From(Occupation.Parse(cell)),
        FieldType.Segment => FieldValue.From(Segment.Parse(cell)),
        FieldType.Programs => FieldValue.From(ProgramSet.Parse(cell), p => ProgramSet.Format(p)),
        FieldType.AgreementType => FieldValue.From(AgreementTypeValue.Parse(cell), t => t.ToString()),
        FieldType.FundingSource => FieldValue.From(FundingSourceValue.Parse(cell), f => f.ToString()),
        FieldType.Phone => FieldValue.From(PhoneNumber.Parse(cell)),
        FieldType.Kpj => FieldValue.From(Kpj.Parse(cell)),
        FieldType.RegionCode => ParseRegion(cell),
        FieldType.PersonName => FieldValue.From(PersonName.Parse(cell)),
        FieldType.Npp => FieldValue.From(Npp.Parse(cell)),
        FieldType.FollowupStatus => FieldValue.From(FollowupStatus.Parse(cell)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no parser for this field type"),
    };

    private static FieldValue ParseRegion(object? cell)
    {
        var text = StagedText(cell);
        if (text.Length == 0)
        {
            return default;
        }
        return RegionCode.TryParse(text, out var region)
            ? new FieldValue(region.Value.Value, null, null)
            : new FieldValue(null, RegionFormat, "not a 4-digit region code");
    }

    /// <summary>A region code cell as text: Excel keeps 5204 and 52.04 as numbers.</summary>
    public static string StagedText(object? cell) => cell switch
    {
        null => "",
        double number => number.ToString(number == Math.Floor(number) ? "0" : "0.00", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "",
    };
}
