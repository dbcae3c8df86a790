using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

// Evidence of immunity and contraindications (logic specification 7.2 and 7.3).
internal sealed partial class SeriesEvaluator
{
    private bool HasImmunity(Antigen antigen)
    {
        foreach (var observation in _patient.Observations)
        {
            if (Contains(antigen.Immunity.ClinicalHistoryCodes, observation.Code))
            {
                return true;
            }
        }

        if (antigen.Immunity.BirthDateBefore is { } before && Dob < before)
        {
            foreach (var observation in _patient.Observations)
            {
                if (Contains(antigen.Immunity.ExclusionCodes, observation.Code))
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// 7.3: an antigen contraindication that applies today, or vaccine contraindications that rule out every preferable
    /// vaccine of the target dose.
    /// </summary>
    private bool IsContraindicated(Antigen antigen, SeriesDose definition)
    {
        if (_patient.Observations.Count == 0)
        {
            return false;
        }

        foreach (var contraindication in antigen.GroupContraindications)
        {
            if (Applies(contraindication))
            {
                return true;
            }
        }

        if (definition.PreferableVaccines.Count == 0 || antigen.VaccineContraindications.Count == 0)
        {
            return false;
        }

        foreach (var vaccine in definition.PreferableVaccines)
        {
            var ruledOut = false;
            foreach (var contraindication in antigen.VaccineContraindications)
            {
                if (Contains(contraindication.Cvx, vaccine.Cvx) && Applies(contraindication))
                {
                    ruledOut = true;
                    break;
                }
            }

            if (!ruledOut)
            {
                return false;
            }
        }

        return true;
    }

    private bool Applies(Contraindication contraindication)
    {
        foreach (var observation in _patient.Observations)
        {
            if (observation.Code == contraindication.ObservationCode
                && _assessmentDate >= AgeDate(contraindication.BeginAge, s_minDate)
                && _assessmentDate < AgeDate(contraindication.EndAge, s_maxDate))
            {
                return true;
            }
        }

        return false;
    }
}
