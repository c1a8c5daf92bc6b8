import { NumberInput, SimpleGrid, TagsInput, TextInput } from "@mantine/core";
import { useState } from "react";
import { ChoiceSelect } from "../../../shared/forms/ChoiceSelect";
import { FormModal } from "../../../shared/forms/FormModal";
import { useFormErrors } from "../../../shared/forms/use-form-errors";
import { accountInputSchema, useSaveAccount } from "../api/account-mutations";
import type { Account } from "../api/get-accounts";
import { ACCOUNT_STATUS_LABELS, ACCOUNT_STATUSES, type AccountStatus } from "./labels";

const FIELDS = [
  "name",
  "website",
  "industry",
  "employees",
  "annualRevenue",
  "country",
  "region",
  "technologies",
  "status",
  "owner",
] as const;

const numberOrNull = (value: string | number) => (value === "" ? null : Number(value));

interface AccountFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Edits this account; without it the form adds one. */
  account?: Account;
}

export function AccountFormModal({ opened, onClose, account }: AccountFormModalProps) {
  const save = useSaveAccount(account?.id);
  const [name, setName] = useState(account?.name ?? "");
  const [website, setWebsite] = useState(account?.website ?? "");
  const [industry, setIndustry] = useState(account?.industry ?? "");
  const [employees, setEmployees] = useState<string | number>(account?.employees ?? "");
  const [annualRevenue, setAnnualRevenue] = useState<string | number>(account?.annualRevenue ?? "");
  const [country, setCountry] = useState(account?.country ?? "");
  const [region, setRegion] = useState(account?.region ?? "");
  const [technologies, setTechnologies] = useState<string[]>(account?.technologies ?? []);
  const [status, setStatus] = useState<AccountStatus>(account?.status ?? "prospect");
  const [owner, setOwner] = useState(account?.owner ?? "");
  const { errorOf, showAlert, check } = useFormErrors(save, FIELDS);

  const onSubmit = () => {
    const input = check(accountInputSchema, {
      name,
      website: website.trim() || null,
      industry: industry.trim() || null,
      employees: numberOrNull(employees),
      annualRevenue: numberOrNull(annualRevenue),
      country: country.trim() || null,
      region: region.trim() || null,
      technologies,
      status,
      owner: owner.trim() || null,
    });
    if (!input) return;
    save.mutate(input, { onSuccess: onClose });
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={account ? `Edit ${account.name}` : "Add an account"}
      formLabel={account ? "Edit account" : "Add account"}
      onSubmit={onSubmit}
      error={save.error}
      showAlert={showAlert}
      errorTitle="Could not save the account"
      submitLabel={account ? "Save changes" : "Add account"}
      submitting={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errorOf("name")}
          data-autofocus
        />
        <TextInput
          label="Website"
          placeholder="acme.com"
          value={website}
          onChange={(e) => setWebsite(e.currentTarget.value)}
          error={errorOf("website")}
        />
        <TextInput
          label="Industry"
          value={industry}
          onChange={(e) => setIndustry(e.currentTarget.value)}
          error={errorOf("industry")}
        />
        <ChoiceSelect
          label="Status"
          values={ACCOUNT_STATUSES}
          labels={ACCOUNT_STATUS_LABELS}
          value={status}
          onChange={setStatus}
          error={errorOf("status")}
        />
        <NumberInput
          label="Employees"
          min={0}
          allowDecimal={false}
          value={employees}
          onChange={setEmployees}
          error={errorOf("employees")}
        />
        <NumberInput
          label="Annual revenue"
          min={0}
          thousandSeparator=","
          value={annualRevenue}
          onChange={setAnnualRevenue}
          error={errorOf("annualRevenue")}
        />
        <TextInput
          label="Country"
          placeholder="DE"
          value={country}
          onChange={(e) => setCountry(e.currentTarget.value)}
          error={errorOf("country")}
        />
        <TextInput
          label="Region"
          placeholder="EMEA"
          value={region}
          onChange={(e) => setRegion(e.currentTarget.value)}
          error={errorOf("region")}
        />
      </SimpleGrid>
      <TagsInput
        label="Technologies used"
        placeholder="SAP, Azure…"
        value={technologies}
        onChange={setTechnologies}
        error={errorOf("technologies")}
      />
      <TextInput
        label="Owner"
        placeholder="Account executive"
        value={owner}
        onChange={(e) => setOwner(e.currentTarget.value)}
        error={errorOf("owner")}
      />
    </FormModal>
  );
}
