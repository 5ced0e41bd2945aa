using System.Diagnostics.CodeAnalysis;

namespace Jamsostek.Core.Values;

/// <summary>
/// What a value parser made of one cell: a value (<see cref="IsOk"/>), nothing because the cell is blank
/// (<see cref="IsEmpty"/>), or an error (<see cref="IsError"/>) carrying a stable code from
/// <see cref="Findings.FindingCode"/> or <see cref="ValueCodes"/> and a short English detail for developers.
/// The detail never repeats the cell's text, so it is safe to log (NIKs, names and phone numbers pass through here).
/// </summary>
public readonly record struct ParsedValue<T>(T? Value, string? ErrorCode, string? Problem) where T : notnull
{
    // Get-only, so a `with` expression cannot leave the flag below disagreeing with the values.
    public T? Value { get; } = Value;

    public string? ErrorCode { get; } = ErrorCode;

    public string? Problem { get; } = Problem;

    // Recorded as "has a value" rather than "is empty" so that default(ParsedValue<T>) reads as Empty.
    private readonly bool _hasValue = ErrorCode is null && Value is not null;

    /// <summary>A blank cell: no value and nothing wrong (whether it is required is validation's business).</summary>
    public static ParsedValue<T> Empty => default;

    public static ParsedValue<T> Ok(T value) => new(value, null, null);

    public static ParsedValue<T> Fail(string code, string problem)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return new(default, code, problem);
    }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsOk => _hasValue && Value is not null;

    public bool IsEmpty => !_hasValue && ErrorCode is null;

    [MemberNotNullWhen(true, nameof(ErrorCode))]
    public bool IsError => ErrorCode is not null;
}
