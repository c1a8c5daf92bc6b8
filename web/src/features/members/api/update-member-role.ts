import { type InfiniteData, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiRequest } from "../../../shared/api/client";
import type { Page } from "../../../shared/api/pagination";
import type { Role } from "../../../shared/auth/roles";
import { type Member, memberSchema, membersQueryKey } from "./get-members";

export function updateMemberRole(input: { userId: string; role: Role }) {
  return apiRequest(`/v1/members/${encodeURIComponent(input.userId)}`, {
    method: "PATCH",
    body: { role: input.role },
    schema: memberSchema,
  });
}

type MembersData = InfiniteData<Page<Member>, string | null>;

function withRole(data: MembersData | undefined, userId: string, role: Role): MembersData | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((member) => (member.userId === userId ? { ...member, role } : member)),
    })),
  };
}

/** Changes a role optimistically: the select shows the new role at once and rolls back on error. */
export function useUpdateMemberRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMemberRole,
    onMutate: async ({ userId, role }) => {
      await queryClient.cancelQueries({ queryKey: membersQueryKey });
      const previous = queryClient.getQueryData<MembersData>(membersQueryKey);
      queryClient.setQueryData<MembersData>(membersQueryKey, (data) => withRole(data, userId, role));
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(membersQueryKey, context.previous);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: membersQueryKey });
    },
  });
}
