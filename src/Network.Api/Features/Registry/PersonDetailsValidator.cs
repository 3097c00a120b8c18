using FluentValidation;

namespace Network.Api.Features.Registry;

/// <summary>The input rules for a person's details, shared by registration and correction.</summary>
public sealed class PersonDetailsValidator : AbstractValidator<PersonDetailsDto>
{
    public PersonDetailsValidator()
    {
        RuleFor(d => d.GivenNames).NotEmpty().WithMessage("Vul de voornamen in.").MaximumLength(200);
        RuleFor(d => d.FamilyName).NotEmpty().WithMessage("Vul de achternaam in.").MaximumLength(200);
        RuleFor(d => d.Prefix).MaximumLength(20);
        RuleFor(d => d.DateOfBirth).NotNull().WithMessage("Vul de geboortedatum in.")
            .Must(d => d is null || d.Value.Year >= 1900).WithMessage("Deze geboortedatum is niet mogelijk.");
        RuleFor(d => d.Bsn).Must(b => string.IsNullOrWhiteSpace(b) || Bsn.IsValid(b))
            .WithMessage("Dit BSN klopt niet (elfproef).");
        RuleFor(d => d.Email).EmailAddress().When(d => !string.IsNullOrWhiteSpace(d.Email)).WithMessage("Dit e-mailadres klopt niet.")
            .MaximumLength(200);
        RuleFor(d => d.Phone).MaximumLength(40);
        RuleFor(d => d.School).MaximumLength(200);
        RuleFor(d => d.GeneralPractitioner).MaximumLength(200);
        RuleFor(d => d.Address!).SetValidator(new AddressValidator()).When(d => d.Address is not null);
    }
}

public sealed class AddressValidator : AbstractValidator<AddressDto>
{
    public AddressValidator()
    {
        RuleFor(a => a.Street).NotEmpty().WithMessage("Vul de straat in.").MaximumLength(200);
        RuleFor(a => a.HouseNumber).NotEmpty().WithMessage("Vul het huisnummer in.").MaximumLength(20);
        RuleFor(a => a.Postcode).NotEmpty().Matches("^[1-9][0-9]{3} ?[A-Za-z]{2}$")
            .WithMessage("Een postcode is vier cijfers en twee letters, zoals 3511 AB.");
        RuleFor(a => a.City).NotEmpty().WithMessage("Vul de woonplaats in.").MaximumLength(200);
        RuleFor(a => a.Municipality).NotEmpty().WithMessage("Vul de gemeente in.").MaximumLength(200);
    }
}
