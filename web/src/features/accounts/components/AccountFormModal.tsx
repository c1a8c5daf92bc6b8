import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { splitErrors, validateForm } from "../../../shared/forms/form-errors";
import { ErrorAlert } from "../../../shared/ui/ErrorAlert";
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
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const { fieldErrors, showAlert } = splitErrors(save.error, FIELDS);
  const errorOf = (field: (typeof FIELDS)[number]) => clientErrors[field] ?? fieldErrors[field];

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validateForm(accountInputSchema, {
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
    if (!checked.ok) {
      setClientErrors(checked.errors);
      return;
    }
    setClientErrors({});
    save.mutate(checked.data, { onSuccess: onClose });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={account ? `Edit ${account.name}` : "Add an account"}
      size="lg"
      centered
    >
      <form onSubmit={onSubmit} noValidate aria-label={account ? "Edit account" : "Add account"}>
        <Stack gap="md">
          {showAlert && save.error && <ErrorAlert error={save.error} title="Could not save the account" />}
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
            <Select
              label="Status"
              data={ACCOUNT_STATUSES.map((value) => ({ value, label: ACCOUNT_STATUS_LABELS[value] }))}
              value={status}
              allowDeselect={false}
              onChange={(value) => {
                const next = ACCOUNT_STATUSES.find((s) => s === value);
                if (next) setStatus(next);
              }}
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
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {account ? "Save changes" : "Add account"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
