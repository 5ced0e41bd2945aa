using System.Diagnostics.CodeAnalysis;
using Jamsostek.Core.Findings;

namespace Jamsostek.Core.Templates;

/// <summary>
/// What header detection found: the layout of the sheet when a header row was recognised, and file-level
/// findings (HEADER_NOT_FOUND, HEADER_MISSING_COLUMN, HEADER_DUPLICATE_COLUMN). Any finding rejects the upload.
/// </summary>
public sealed class HeaderDetection
{
    internal HeaderDetection(SheetLayout? layout, IReadOnlyList<Finding> findings)
    {
        Layout = layout;
        Findings = findings;
    }

    /// <summary>The recognised header; present even when it lacks a required column or repeats one.</summary>
    public SheetLayout? Layout { get; }

    public IReadOnlyList<Finding> Findings { get; }

    [MemberNotNullWhen(true, nameof(Layout))]
    public bool Found => Layout is not null;

    /// <summary>A header was found and nothing is wrong with it: its rows can be read and validated.</summary>
    [MemberNotNullWhen(true, nameof(Layout))]
    public bool IsUsable => Layout is not null && Findings.Count == 0;
}
