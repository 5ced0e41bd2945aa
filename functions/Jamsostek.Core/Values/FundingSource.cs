namespace Jamsostek.Core.Values;

public enum FundingSource
{
    APBD,
    APBDes,
    APBN,
    CSR,
    Mandiri,
}
