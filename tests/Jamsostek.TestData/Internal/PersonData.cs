namespace Jamsostek.TestData.Internal;

/// <summary>Given names and family-style names common where the pilot regencies are, by naming tradition.</summary>
internal sealed record NamingStyle(
    string[] MenGiven,
    string[] WomenGiven,
    string[] Family,
    string? MenPrefix,
    string? WomenPrefix)
{
    /// <summary>Sumbawa (NTB): Muslim given names, two parts, no family name.</summary>
    public static readonly NamingStyle Samawa = new(
        ["Muhammad", "Ahmad", "Abdul Rahman", "Syamsuddin", "Hasanuddin", "Jamaluddin", "Zainuddin", "Sahabuddin", "Ikhsan",
         "Arif", "Rahmat", "Hendra", "Irwan", "Samsul", "Sudirman", "Budiman", "Juliansyah", "Firmansyah", "Sukardi", "Mustafa",
         "Syarifuddin", "Khairul", "Ismail", "Nasrullah", "Agus", "Wahyu", "Iwan", "Junaidi", "Suhardi", "Salman"],
        ["Siti", "Nurhayati", "Fatimah", "Halimah", "Rahmawati", "Suryani", "Sri Wahyuni", "Nurul", "Aisyah", "Juliana",
         "Hartini", "Rosmiati", "Saodah", "Marlina", "Jumiati", "Kartini", "Nursiah", "Hafsah", "Rukmini", "Sumarni",
         "Yuliani", "Nurjannah", "Hasnah", "Misnah", "Ramlah", "Dewi", "Siti Aminah", "Husnul Khotimah"],
        ["Hidayat", "Saputra", "Rahman", "Hamzah", "Ramadhan", "Hakim", "Amin", "Yusuf", "Ibrahim", "Kurniawan",
         "Aminah", "Zubaidah", "Ningsih", "Wati", "Sari", "Lestari", "Sulastri", "Hasanah", "Mardiana", "Kasmawati"],
        "Lalu",
        "Baiq");

    /// <summary>Sumba (NTT): Christian given names with Sumbanese family names; Umbu/Rambu for noble lines.</summary>
    public static readonly NamingStyle Sumba = new(
        ["Yohanes", "Petrus", "Markus", "Yakobus", "Daniel", "Yosef", "Frans", "Stefanus", "Agustinus", "Kornelis", "Lukas",
         "Mateus", "Simon", "Yunus", "Elias", "Paulus", "Andreas", "Melkianus", "Umbu Ndapa", "Umbu Hina"],
        ["Maria", "Yuliana", "Agustina", "Martha", "Ester", "Dorkas", "Margaretha", "Yohana", "Debora", "Ruth", "Sarlota",
         "Magdalena", "Rambu Ana", "Rambu Kahi", "Naomi", "Rosalina", "Yustina", "Adriana"],
        ["Lende", "Kaka", "Ngongo", "Bili", "Dapa", "Lado", "Bulu", "Wora", "Tanggu", "Ndima", "Kii", "Pati", "Ndapa",
         "Hina", "Meha", "Djawa", "Tamo Ama", "Kondi", "Malo", "Rihi"],
        "Umbu",
        "Rambu");

    /// <summary>Flores (Nagekeo, Ende, NTT): Catholic given names with Flores family names.</summary>
    public static readonly NamingStyle Flores = new(
        ["Fransiskus", "Yohanes", "Petrus", "Paulus", "Dominikus", "Aloysius", "Gregorius", "Hendrikus", "Yoseph",
         "Nikolaus", "Benediktus", "Kristoforus", "Antonius", "Siprianus", "Hironimus", "Yulius", "Ahmad", "Hasan"],
        ["Maria", "Yuliana", "Fransiska", "Veronika", "Elisabeth", "Katarina", "Margareta", "Theresia", "Anastasia",
         "Yasinta", "Skolastika", "Florentina", "Regina", "Ursula", "Siti", "Kornelia"],
        ["Wea", "Dhae", "Bhara", "Sina", "Mbete", "Nggae", "Meo", "Rangga", "Gadi", "Djawa", "Da Costa", "Parera",
         "Wangge", "Laja", "Bupu", "Ndona", "Woda", "Lena", "Mite", "Bate", "Ngaga", "Rega"],
        null,
        null);

    /// <summary>Seram Bagian Timur (Maluku): Muslim given names with Seram/Gorom family names.</summary>
    public static readonly NamingStyle Seram = new(
        ["Abdullah", "Hasan", "Ismail", "Rustam", "Umar", "Yusuf", "Salim", "Ahmad", "Saleh", "Ali", "Jafar", "Hamid",
         "Rasyid", "Samsudin", "Abubakar", "Idrus", "Karim", "Usman", "Arsyad", "Anwar"],
        ["Siti", "Fatma", "Halija", "Nurlaila", "Saida", "Aisa", "Ruqaya", "Rahma", "Nurjana", "Mariam", "Hadija",
         "Salma", "Wa Ode Nur", "Jamila", "Sarifa", "Nursia"],
        ["Rumalutur", "Rumakey", "Kelian", "Rumbouw", "Kilwarany", "Rumadan", "Keliobas", "Latuconsina", "Rumain",
         "Rumatiga", "Kastella", "Tuasikal", "Rumfot", "Rumonin", "Wattimena", "Rumarey", "Kelilauw", "Rumaday"],
        null,
        null);

    public static NamingStyle For(string regencyCode) => regencyCode switch
    {
        "5318" or "5311" or "5312" or "5317" => Sumba,
        "5316" or "5308" or "5309" or "5310" or "5307" or "5306" => Flores,
        _ when regencyCode.StartsWith("81", StringComparison.Ordinal) => Seram,
        _ when regencyCode.StartsWith("53", StringComparison.Ordinal) => Flores,
        _ => Samawa,
    };

    public string FullName(Random random, bool female)
    {
        var given = female ? WomenGiven : MenGiven;
        var first = Pick(random, given);
        var prefix = female ? WomenPrefix : MenPrefix;
        if (prefix is not null && random.Next(12) == 0 && !first.StartsWith(prefix, StringComparison.Ordinal))
        {
            first = prefix + " " + first;
        }

        // Samawa names are two given names (or a given name and a patronym-like second part).
        if (ReferenceEquals(this, Samawa))
        {
            var second = random.Next(3) == 0 ? Pick(random, given) : Pick(random, Family);
            return second == first ? first : first + " " + second;
        }

        return first + " " + Pick(random, Family);
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}

internal static class PersonData
{
    public static readonly string[] PhonePrefixes =
        ["0812", "0813", "0821", "0822", "0823", "0852", "0853", "0811", "0817", "0818", "0819", "0857", "0858", "0877", "0878", "0895", "0896", "0831", "0838"];

    public static readonly string[] Hamlets =
        ["Mekar Sari", "Karang Anyar", "Suka Maju", "Tanjung", "Bina Baru", "Sumber Rejeki", "Lendang", "Pantai", "Bukit Indah",
         "Sejahtera", "Kampung Baru", "Air Putih", "Batu Putih", "Oi Lemba", "Watu Bela", "Padang Lestari", "Sumber Jaya", "Nanga"];

    public static readonly string[] Streets =
        ["Garuda", "Diponegoro", "Sudirman", "Hasanuddin", "Soekarno-Hatta", "El Tari", "Kartini", "Ahmad Yani",
         "Wolter Monginsidi", "Pattimura", "Cut Nyak Dien", "Gajah Mada", "Pahlawan", "Merdeka", "Kenanga", "Melati"];

    /// <summary>Occupations as offices write them, with weights for men and women and a monthly income range in rupiah.</summary>
    public static readonly (string Name, int MenWeight, int WomenWeight, int MinIncome, int MaxIncome)[] Occupations =
    [
        ("Petani", 30, 22, 900_000, 2_500_000),
        ("Nelayan", 16, 2, 1_000_000, 3_000_000),
        ("Tukang Ojek", 11, 0, 1_500_000, 3_000_000),
        ("Buruh Harian Lepas", 16, 12, 1_000_000, 2_500_000),
        ("Pedagang", 9, 22, 1_500_000, 4_000_000),
        ("Peternak", 10, 5, 1_000_000, 2_500_000),
        ("Honorer", 8, 15, 1_000_000, 2_500_000),
        ("Kader Posyandu", 0, 22, 300_000, 750_000),
    ];

    private static readonly int MenTotal = Occupations.Sum(o => o.MenWeight);
    private static readonly int WomenTotal = Occupations.Sum(o => o.WomenWeight);

    public static (string Name, long Income) Occupation(Random random, bool female)
    {
        var roll = random.Next(female ? WomenTotal : MenTotal);
        foreach (var o in Occupations)
        {
            var weight = female ? o.WomenWeight : o.MenWeight;
            if (roll < weight)
            {
                var steps = (o.MaxIncome - o.MinIncome) / 50_000;
                return (o.Name, o.MinIncome + 50_000L * random.Next(steps + 1));
            }

            roll -= weight;
        }

        throw new InvalidOperationException("Unreachable.");
    }

    public static string Phone(Random random) =>
        $"{PhonePrefixes[random.Next(PhonePrefixes.Length)]}-{random.Next(10_000):0000}-{random.Next(10_000):0000}";

    public static string Address(Random random, string village) => random.Next(4) switch
    {
        0 or 1 => $"Dusun {Hamlets[random.Next(Hamlets.Length)]} RT {random.Next(1, 9):000}/RW {random.Next(1, 5):000}",
        2 => $"Jl. {Streets[random.Next(Streets.Length)]} No. {random.Next(1, 120)}",
        _ => $"RT {random.Next(1, 16):000}/RW {random.Next(1, 6):000} {village}",
    };
}
