namespace Jamsostek.Core.Templates;

/// <summary>The language of user-facing text: Bahasa Indonesia by default, English on request.</summary>
public enum Language
{
    Id,
    En,
}
