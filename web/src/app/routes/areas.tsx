import { AreaPage } from "../../features/areas/components/AreaPage";
import { JourneyArc } from "../../features/areas/components/JourneyArc";
import { IconBuilding, IconStack, IconUpload, IconUsers } from "../../shared/ui/icons";

export function StrategyPage() {
  return (
    <AreaPage area="strategy" icon={IconStack}>
      <JourneyArc />
    </AreaPage>
  );
}

export function PartnersPage() {
  return <AreaPage area="partners" icon={IconUsers} />;
}

export function AccountsPage() {
  return <AreaPage area="accounts" icon={IconBuilding} />;
}

export function ImportsPage() {
  return <AreaPage area="imports" icon={IconUpload} />;
}
