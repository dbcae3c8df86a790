using Immunization.Core.Schedules;
using NodaTime;

namespace Immunization.Core.Evaluation;

// What the patient's observations and sex decide (logic specification 5.1 select relevant patient series, 7.2 evidence
// of immunity, 7.3 contraindications).
internal sealed partial class SeriesEvaluator
{
    // What depends on the patient, the date and the antigen alone, computed once per antigen rather than per series run
    // or per target dose (an evaluator serves one patient and date; the series of an antigen are run one after the other).
    private Antigen? _factsAntigen;
    private int[]? _observationNumbers;  // each of the patient's observation codes as its ObservationCodeNumbers number (-1: no antigen acts on it), found once
    private int[] _observationIds = []; // the patient's observations as the antigen's ids (AntigenObservations)
    private int _observationCount;       // how many of them the antigen acts on (0 for most patients and antigens)
    private ulong _indicatedSeries;      // the antigen's series (of the first 64) with an indication of one of those ids
    private ulong _observedAntigens;     // the AntigenBit of every antigen that may act on one of the patient's observations
    private bool _immune;
    private bool _groupContraindicated;
    private string[] _contraindicatedCvx = [];

    /// <summary>
    /// Whether the series at <paramref name="seriesIndex"/> of <paramref name="antigen"/> is relevant to the patient
    /// (logic specification 5.1, "select relevant patient series", CALCDTIND-1 and -2): its required sex, and for a risk series an
    /// indication the patient has at the assessment date's age.
    /// </summary>
    public bool IsRelevant(Antigen antigen, int seriesIndex)
    {
        var observations = antigen.Observations;
        var sexes = observations.SexMasks[seriesIndex];
        if (sexes != 0 && (sexes & AntigenObservations.SexBit(_patient.Sex)) == 0)
        {
            return false;
        }

        if (!observations.IsRisk[seriesIndex])
        {
            return true;
        }

        if (_patient.ObservationArray.Length == 0)
        {
            // A patient without observations (most of them): no indication can apply, no facts to compute.
            return false;
        }

        if ((ObservedAntigens() & observations.AntigenBit) == 0)
        {
            // None of the patient's observations is one the antigen acts on (most antigens, for a patient with a condition
            // or two): no indication can apply, and the antigen's facts are not needed yet.
            return false;
        }

        Facts(antigen);
        if (_observationCount == 0)
        {
            // Most patients have no observation the antigen acts on: then no indication can apply.
            return false;
        }

        if (seriesIndex < 64 && (_indicatedSeries & (1UL << seriesIndex)) == 0)
        {
            // None of the patient's observations is an indication of this series.
            return false;
        }

        var bits = observations.IndicationBits[seriesIndex];
        for (var i = 0; i < _observationCount; i++)
        {
            var id = _observationIds[i];
            if (!AntigenObservations.Has(bits, id))
            {
                continue;
            }

            var indications = observations.Indications[seriesIndex];
            for (var indicationIndex = 0; indicationIndex < indications.Length; indicationIndex++)
            {
                if (indications[indicationIndex].Id == id && AppliesToday(indications[indicationIndex]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool HasImmunity(Antigen antigen)
    {
        Facts(antigen);
        return _immune;
    }

    private string[] ContraindicatedCvx(Antigen antigen)
    {
        Facts(antigen);
        return _contraindicatedCvx;
    }

    // Inlined at its callers (called for every forecast and risk series): the facts are computed once per antigen.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Facts(Antigen antigen)
    {
        if (!ReferenceEquals(antigen, _factsAntigen))
        {
            ComputeFacts(antigen);
        }
    }

    private void ComputeFacts(Antigen antigen)
    {
        // The patient's observations are looked up once per antigen; every rule below compares ids.
        var rules = antigen.Observations;
        var patientObservations = _patient.ObservationArray;
        _observationCount = 0;
        _indicatedSeries = 0;
        // An antigen none of whose observations the patient has (most antigens, for a patient with a condition or two)
        // is known by one bit test: its own tables are not read.
        var observed = patientObservations.Length > 0 && (ObservedAntigens() & rules.AntigenBit) != 0;
        for (var i = 0; observed && i < patientObservations.Length; i++)
        {
            if (rules.LocalId(_observationNumbers![i]) is var id and >= 0)
            {
                if (_observationIds.Length == _observationCount)
                {
                    Array.Resize(ref _observationIds, patientObservations.Length);
                }

                _observationIds[_observationCount++] = id;
                _indicatedSeries |= rules.SeriesByIndication[id];
            }
        }

        _immune = ComputeHasImmunity(antigen, rules);
        // The rules are read only when the patient has one of their observations (most observations of a patient are
        // indications or immunity of some antigens, contraindications of few).
        _groupContraindicated = HasAny(rules.GroupContraindicationBits) && AnyAppliesToday(rules.GroupContraindications);
        _contraindicatedCvx = HasAny(rules.VaccineContraindicationBits) ? ComputeContraindicatedCvx(rules) : [];
        _factsAntigen = antigen;
    }

    // The AntigenBit of every antigen that may act on one of the patient's observations, with the observations' numbers
    // found on the first call (once per assessment).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private ulong ObservedAntigens() => _observationNumbers is null ? ComputeObservedAntigens() : _observedAntigens;

    private ulong ComputeObservedAntigens()
    {
        var patientObservations = _patient.ObservationArray;
        _observationNumbers = new int[patientObservations.Length];
        for (var i = 0; i < _observationNumbers.Length; i++)
        {
            _observationNumbers[i] = ObservationCodeNumbers.Find(patientObservations[i].Code);
            _observedAntigens |= ObservationCodeNumbers.AntigenBits(_observationNumbers[i]);
        }

        return _observedAntigens;
    }

    /// <summary>7.2: clinical history of immunity, or a birth date before the antigen's date without an exclusion.</summary>
    private bool ComputeHasImmunity(Antigen antigen, AntigenObservations rules)
    {
        if (HasAny(rules.ClinicalHistory))
        {
            return true;
        }

        return antigen.Immunity.BirthDateBefore is { } before && Dob < before && !HasAny(rules.Exclusions);
    }

    private bool HasAny(ulong[] bits)
    {
        for (var i = 0; i < _observationCount; i++)
        {
            if (AntigenObservations.Has(bits, _observationIds[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 7.3: an antigen contraindication that applies today, or vaccine contraindications that rule out every preferable
    /// vaccine of the target dose.
    /// </summary>
    private bool IsContraindicated(Antigen antigen, SeriesDose definition)
    {
        Facts(antigen);
        if (_groupContraindicated)
        {
            return true;
        }

        if (_contraindicatedCvx.Length == 0 || definition.PreferableVaccinesArray.Length == 0)
        {
            return false;
        }

        for (var vaccineIndex = 0; vaccineIndex < definition.PreferableVaccinesArray.Length; vaccineIndex++)
        {
            if (!Contains(_contraindicatedCvx, definition.PreferableVaccinesArray[vaccineIndex].Cvx.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>7.3 (table 7-6): the CVX codes of every vaccine contraindication that applies to the patient today, in the antigen's order.</summary>
    private string[] ComputeContraindicatedCvx(AntigenObservations rules)
    {
        // The codes of every rule that applies, each once, in one array: sized for all of them (the rules that apply are
        // found first, as bits), trimmed only if a code repeats.
        var contraindications = rules.VaccineContraindications;
        var applies = contraindications.Length <= 64 ? 0UL : ulong.MaxValue;
        var capacity = 0;
        for (var i = 0; i < contraindications.Length; i++)
        {
            if (contraindications.Length > 64 || AppliesToday(contraindications[i]))
            {
                applies |= contraindications.Length <= 64 ? 1UL << i : 0;
                capacity += contraindications[i].Cvx.Length;
            }
        }

        if (capacity == 0)
        {
            return [];
        }

        var result = new string[capacity];
        var count = 0;
        for (var i = 0; i < contraindications.Length; i++)
        {
            if ((contraindications.Length <= 64 ? (applies & (1UL << i)) == 0 : !AppliesToday(contraindications[i])))
            {
                continue;
            }

            foreach (var code in contraindications[i].Cvx)
            {
                if (Array.IndexOf(result, code, 0, count) < 0)
                {
                    result[count++] = code;
                }
            }
        }

        if (count == 0)
        {
            return [];
        }

        if (count < result.Length)
        {
            Array.Resize(ref result, count);
        }

        return result;
    }

    private bool AnyAppliesToday(ObservationRule[] rules)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            if (AppliesToday(rules[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the patient has the rule's observation and the assessment date is within the rule's ages.</summary>
    private bool AppliesToday(ObservationRule rule)
    {
        for (var i = 0; i < _observationCount; i++)
        {
            if (_observationIds[i] == rule.Id)
            {
                return _assessmentDate >= AgeDate(rule.BeginAge, s_minDate) && _assessmentDate < AgeDate(rule.EndAge, s_maxDate);
            }
        }

        return false;
    }
}
