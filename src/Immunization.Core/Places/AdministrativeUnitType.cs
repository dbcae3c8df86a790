namespace Immunization.Core.Places;

/// <summary>The type of an administrative unit, as its official name starts (Tỉnh, Thành phố, Quận, Huyện, Phường, Xã, ...).</summary>
public enum AdministrativeUnitType
{
    /// <summary>Tỉnh: a province.</summary>
    Province = 1,

    /// <summary>Thành phố (trực thuộc trung ương): a centrally governed city, at province level.</summary>
    Municipality = 2,

    /// <summary>Quận: an urban district (old scheme).</summary>
    UrbanDistrict = 3,

    /// <summary>Huyện: a rural district (old scheme).</summary>
    RuralDistrict = 4,

    /// <summary>Thị xã: a district-level town (old scheme).</summary>
    Town = 5,

    /// <summary>Thành phố (thuộc tỉnh or thuộc thành phố): a city at district level (old scheme).</summary>
    DistrictLevelCity = 6,

    /// <summary>Phường: an urban ward.</summary>
    Ward = 7,

    /// <summary>Xã: a rural commune.</summary>
    Commune = 8,

    /// <summary>Thị trấn: a township (old scheme).</summary>
    Township = 9,

    /// <summary>Đặc khu: a special zone (new scheme; the former island districts).</summary>
    SpecialZone = 10,
}
