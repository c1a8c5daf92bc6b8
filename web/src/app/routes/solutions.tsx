import { canEditSolutions, SolutionsManager } from "../../features/solutions/components/SolutionsManager";
import { useCurrentRole } from "../../shared/auth/session";
import { PageHeader } from "../../shared/ui/PageHeader";
import { AnchorLink } from "../../shared/ui/router-links";

/** Solutions the vendor sells; reached from the Partners page header. */
export function SolutionsPage() {
  const canEdit = canEditSolutions(useCurrentRole());
  return (
    <>
      <AnchorLink to="/partners" size="sm" mb="xs" display="inline-block">
        ← Partners
      </AnchorLink>
      <PageHeader
        title="Solutions"
        description="What you sell. Sales plays, opportunities and the ecosystem stack are drawn per solution."
      />
      <SolutionsManager canEdit={canEdit} />
    </>
  );
}
