namespace Immunization.Core.Places;

/// <summary>The level of an administrative unit.</summary>
public enum AdministrativeLevel
{
    /// <summary>Province level (tỉnh, thành phố trực thuộc trung ương); codes have 2 digits.</summary>
    Province = 1,

    /// <summary>District level (quận, huyện, thị xã, thành phố thuộc tỉnh); old scheme only; codes have 3 digits.</summary>
    District = 2,

    /// <summary>Commune level (xã, phường, thị trấn, đặc khu); codes have 5 digits.</summary>
    Commune = 3,
}
