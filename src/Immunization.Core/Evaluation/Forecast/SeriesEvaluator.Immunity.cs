using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

// Evidence of immunity and contraindications (logic specification 7.2 and 7.3).
internal sealed partial class SeriesEvaluator
{
    // What depends on the patient, the date and the antigen alone, computed once per antigen rather than per series run
    // (an evaluator serves one patient and date; the series of an antigen are run one after the other).
    private Antigen? _factsAntigen;
    private bool _hasObservation;
    private bool _immune;
    private IReadOnlyList<string> _contraindicatedCvx = [];

    private bool HasImmunity(Antigen antigen)
    {
        Facts(antigen);
        return _immune;
    }

    private IReadOnlyList<string> ContraindicatedCvx(Antigen antigen)
    {
        Facts(antigen);
        return _contraindicatedCvx;
    }

    private bool HasObservationFor(Antigen antigen)
    {
        Facts(antigen);
        return _hasObservation;
    }

    private void Facts(Antigen antigen)
    {
        if (!ReferenceEquals(antigen, _factsAntigen))
        {
            _hasObservation = _patient.HasObservationFor(antigen);
            _immune = ComputeHasImmunity(antigen);
            _contraindicatedCvx = ComputeContraindicatedCvx(antigen);
            _factsAntigen = antigen;
        }
    }

    private bool ComputeHasImmunity(Antigen antigen)
    {
        if (!_hasObservation)
        {
            return antigen.Immunity.BirthDateBefore is { } birthBefore && Dob < birthBefore;
        }

        for (var observationIndex = 0; observationIndex < _patient.Observations.Count; observationIndex++)
        {
            var observation = _patient.Observations[observationIndex];
            if (Contains(antigen.Immunity.ClinicalHistoryCodes, observation.Code))
            {
                return true;
            }
        }

        if (antigen.Immunity.BirthDateBefore is { } before && Dob < before)
        {
            for (var observationIndex = 0; observationIndex < _patient.Observations.Count; observationIndex++)
            {
                var observation = _patient.Observations[observationIndex];
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
        if (!HasObservationFor(antigen))
        {
            return false;
        }

        for (var contraindicationIndex = 0; contraindicationIndex < antigen.GroupContraindications.Count; contraindicationIndex++)
        {
            var contraindication = antigen.GroupContraindications[contraindicationIndex];
            if (Applies(contraindication))
            {
                return true;
            }
        }


        if (definition.PreferableVaccines.Count == 0 || antigen.VaccineContraindications.Count == 0)
        {
            return false;
        }

        for (var vaccineIndex = 0; vaccineIndex < definition.PreferableVaccines.Count; vaccineIndex++)
        {
            var vaccine = definition.PreferableVaccines[vaccineIndex];
            var ruledOut = false;
            for (var contraindicationIndex = 0; contraindicationIndex < antigen.VaccineContraindications.Count; contraindicationIndex++)
            {
                var contraindication = antigen.VaccineContraindications[contraindicationIndex];
                if (Contains(contraindication.Cvx, vaccine.Cvx.Value) && Applies(contraindication))
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

    /// <summary>7.3 (table 7-6): the CVX codes of every vaccine contraindication that applies to the patient today.</summary>
    private IReadOnlyList<string> ComputeContraindicatedCvx(Antigen antigen)
    {
        if (antigen.VaccineContraindications.Count == 0 || !_hasObservation)
        {
            return [];
        }

        List<string>? result = null;
        for (var contraindicationIndex = 0; contraindicationIndex < antigen.VaccineContraindications.Count; contraindicationIndex++)
        {
            var contraindication = antigen.VaccineContraindications[contraindicationIndex];
            if (Applies(contraindication))
            {
                result ??= [];
                foreach (var code in contraindication.Cvx)
                {
                    if (!result.Contains(code.Value))
                    {
                        result.Add(code.Value);
                    }
                }
            }
        }

        return result is null ? [] : result;
    }

    private bool Applies(Contraindication contraindication)
    {
        for (var observationIndex = 0; observationIndex < _patient.Observations.Count; observationIndex++)
        {
            var observation = _patient.Observations[observationIndex];
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
