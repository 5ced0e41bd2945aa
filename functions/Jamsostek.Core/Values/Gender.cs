namespace Jamsostek.Core.Values;

public enum Gender
{
    Male,
    Female,
}
