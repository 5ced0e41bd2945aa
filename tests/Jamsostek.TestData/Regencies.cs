namespace Jamsostek.TestData;

/// <summary>A district (kecamatan) and some of its villages (desa/kelurahan).</summary>
public sealed record District(string Name, IReadOnlyList<string> Villages);

/// <summary>
/// A regency or city as test data knows it: Kemendagri code, name, province, the BPJS Ketenagakerjaan branch
/// office that serves it, its districts with villages, and towns people there give as birth place.
/// </summary>
public sealed record Regency(
    string Code,
    string Name,
    string Kind,
    string Province,
    string BranchOffice,
    IReadOnlyList<District> Districts,
    IReadOnlyList<string> BirthPlaces)
{
    /// <summary>"KABUPATEN SUMBAWA".</summary>
    public string UpperCaseTitle => $"{Kind} {Name}".ToUpperInvariant();

    /// <summary>"52.04".</summary>
    public string DottedCode => $"{Code[..2]}.{Code[2..]}";
}

/// <summary>The regencies of the pilot (contract section 1) with plausible districts and villages.</summary>
public static class Regencies
{
    public static Regency Sumbawa { get; } = new("5204", "Sumbawa", "Kabupaten", "Nusa Tenggara Barat", "Sumbawa",
    [
        new("Sumbawa", ["Seketeng", "Brang Bara", "Bugis", "Lempeh", "Samapuin", "Uma Sima"]),
        new("Moyo Hilir", ["Moyo", "Berare", "Serading", "Olat Rawa", "Poto", "Ngeru"]),
        new("Labuhan Badas", ["Labuhan Badas", "Karang Dima", "Labuhan Sumbawa", "Sebewe", "Bajo Medang"]),
        new("Lape", ["Lape", "Dete", "Hijrah", "Labuhan Kuris", "Lekong"]),
        new("Alas", ["Dalam", "Juranalas", "Baru", "Kalimango", "Marente"]),
        new("Utan", ["Motong", "Jorok", "Stowe Brang", "Bale Brang", "Pukat"]),
        new("Empang", ["Empang Atas", "Empang Bawah", "Ongko", "Boal", "Lamenta"]),
        new("Plampang", ["Plampang", "Sepakat", "Brang Kolong", "Teluk Santong", "Muer"]),
        new("Unter Iwes", ["Pungka", "Kerato", "Nijang", "Jelantik", "Boak"]),
        new("Lunyuk", ["Lunyuk Ode", "Lunyuk Besar", "Emang Lestari", "Jamu"]),
    ],
    ["Sumbawa Besar", "Sumbawa", "Alas", "Empang", "Utan", "Taliwang", "Bima", "Dompu", "Mataram"]);

    public static Regency SumbaBaratDaya { get; } = new("5318", "Sumba Barat Daya", "Kabupaten", "Nusa Tenggara Timur", "Tambolaka",
    [
        new("Kota Tambolaka", ["Watu Kawula", "Weetebula", "Kalembu Ndara Mane", "Radamata"]),
        new("Loura", ["Karuni", "Lete Konda", "Pogo Tena", "Wee Pangali"]),
        new("Kodi", ["Bondo Kodi", "Kahale", "Kalena Rongo", "Pero Batang"]),
        new("Kodi Bangedo", ["Kendu Wela", "Ate Dalo", "Maliti Bondo Ate"]),
        new("Kodi Utara", ["Kori", "Noha", "Hoha Wungo"]),
        new("Wewewa Barat", ["Kalimbu Kuni", "Kalena Wanno", "Wee Lima"]),
        new("Wewewa Timur", ["Elopada", "Kadi Roma", "Mata Loko"]),
    ],
    ["Tambolaka", "Waitabula", "Kodi", "Waikabubak", "Waingapu", "Kupang"]);

    public static Regency Nagekeo { get; } = new("5316", "Nagekeo", "Kabupaten", "Nusa Tenggara Timur", "Ende",
    [
        new("Aesesa", ["Mbay I", "Mbay II", "Danga", "Lape", "Aeramo", "Nggolonio"]),
        new("Aesesa Selatan", ["Tonggurambang", "Dhereisa", "Olaia"]),
        new("Boawae", ["Natanage", "Rega", "Mulakoli", "Raja"]),
        new("Mauponggo", ["Mauponggo", "Sawu", "Ua", "Lajawajo"]),
        new("Nangaroro", ["Nangaroro", "Ulupulu", "Bidoa", "Woewolo"]),
        new("Keo Tengah", ["Pautola", "Udiworowatu", "Wajo"]),
        new("Wolowae", ["Totomala", "Wolowae", "Natatoto"]),
    ],
    ["Mbay", "Boawae", "Danga", "Bajawa", "Ende", "Nangaroro"]);

    public static Regency Ende { get; } = new("5308", "Ende", "Kabupaten", "Nusa Tenggara Timur", "Ende",
    [
        new("Ende Selatan", ["Tanjung", "Rukun Lima", "Paupire"]),
        new("Ende Timur", ["Paupanda", "Tetandara", "Rewarangga"]),
        new("Ende Tengah", ["Kelimutu", "Kotaratu", "Potulando"]),
        new("Wolowaru", ["Wolowaru", "Likanaka", "Nuamulu"]),
        new("Detusoko", ["Detusoko", "Wologai", "Nuaone", "Detusoko Barat"]),
        new("Maurole", ["Maurole", "Niranusa", "Watukamba"]),
        new("Nangapanda", ["Nangapanda", "Ndeturea", "Ondorea"]),
        new("Kota Baru", ["Tou", "Nggumbelaka", "Hobatuwa"]),
    ],
    ["Ende", "Wolowaru", "Detusoko", "Maumere", "Bajawa", "Mbay"]);

    public static Regency SumbaTimur { get; } = new("5311", "Sumba Timur", "Kabupaten", "Nusa Tenggara Timur", "Waingapu",
    [
        new("Kota Waingapu", ["Kambajawa", "Kamalaputi", "Matawai", "Hambala"]),
        new("Kambera", ["Prailiu", "Mauliru", "Lambanapu", "Kambaniru"]),
        new("Pandawai", ["Watumbaka", "Kawangu", "Palakahembi"]),
        new("Lewa", ["Lewa Paku", "Kambuhapang", "Bidi Praing"]),
        new("Haharu", ["Kadumbul", "Rambangaru", "Praibakul"]),
        new("Umalulu", ["Watu Hadang", "Lumbukori", "Mutunggeding"]),
        new("Pahunga Lodu", ["Tamburi", "Mburukulu", "Kaliuda"]),
    ],
    ["Waingapu", "Melolo", "Lewa", "Waikabubak", "Kupang"]);

    public static Regency SeramBagianTimur { get; } = new("8105", "Seram Bagian Timur", "Kabupaten", "Maluku", "Ambon",
    [
        new("Bula", ["Bula", "Bula Air", "Kampung Gorom", "Waiketam Baru"]),
        new("Seram Timur", ["Geser", "Kilwaru", "Kiltay"]),
        new("Werinama", ["Werinama", "Osong", "Batuasa"]),
        new("Tutuk Tolu", ["Kilmury", "Kilbat", "Kilfura"]),
        new("Pulau Gorom", ["Ondor", "Kataloka", "Amarsekaru"]),
        new("Teluk Waru", ["Waru", "Air Nanang", "Salas"]),
    ],
    ["Bula", "Geser", "Masohi", "Ambon", "Tual", "Werinama"]);

    /// <summary>All six pilot regencies.</summary>
    public static IReadOnlyList<Regency> All { get; } = [Sumbawa, SumbaBaratDaya, Nagekeo, Ende, SumbaTimur, SeramBagianTimur];

    /// <summary>
    /// The regency with this code ("5204" or "52.04"). An unknown but well-formed code gets a generic regency
    /// ("Kabupaten 9999" with made-up districts) so tests can use any code.
    /// </summary>
    public static Regency Get(string code)
    {
        var normalized = NikGenerator.NormalizeRegency(code);
        var known = All.FirstOrDefault(r => r.Code == normalized);
        if (known is not null)
        {
            return known;
        }

        var province = normalized[..2] switch
        {
            "52" => "Nusa Tenggara Barat",
            "53" => "Nusa Tenggara Timur",
            "81" => "Maluku",
            _ => "Indonesia",
        };
        return new Regency(normalized, normalized, "Kabupaten", province, "Kantor Cabang " + normalized,
        [
            new("Kota", ["Kota Baru", "Kota Lama", "Pasar"]),
            new("Pesisir", ["Tanjung", "Pantai Indah", "Labuhan"]),
            new("Gunung", ["Wolo", "Watu", "Oeleta"]),
        ],
        ["Kota", "Kupang", "Mataram", "Ambon"]);
    }
}
