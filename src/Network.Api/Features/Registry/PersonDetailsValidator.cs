using FluentValidation;
using Network.Domain.Registry;

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
        RuleFor(d => d.Email).EmailAddress().When(d => !string.IsNullOrWhiteSpace(d.Email)).WithMessage("Dit e-mailadres klopt niet.");
        RuleFor(d => d.Address!.Postcode).Matches("^[1-9][0-9]{3} ?[A-Za-z]{2}$").When(d => d.Address is not null)
            .WithMessage("Een postcode is vier cijfers en twee letters, zoals 3511 AB.");
        RuleFor(d => d.Address!.Municipality).NotEmpty().When(d => d.Address is not null).WithMessage("Vul de gemeente in.");
        RuleFor(d => d.Address!.Street).NotEmpty().When(d => d.Address is not null).WithMessage("Vul de straat in.");
        RuleFor(d => d.Address!.HouseNumber).NotEmpty().When(d => d.Address is not null).WithMessage("Vul het huisnummer in.");
        RuleFor(d => d.Address!.City).NotEmpty().When(d => d.Address is not null).WithMessage("Vul de woonplaats in.");
    }
}
