import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { useApiMutation, useApiQuery } from '../../../lib/query';
import { accountsApi } from '../api';
import { ApiTokensTable } from '../components/ApiTokensTable';
import { IssueTokenModal } from '../components/IssueTokenModal';

export default function ApiTokensPage() {
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const list = useApiQuery(['accounts', 'tokens'], (signal) => accountsApi.tokens(signal), undefined, {
    toastError: true,
  });
  const revoke = useApiMutation((id: string) => accountsApi.revokeToken(id), { invalidates: [['accounts', 'tokens']] });
  return (
    <>
      <ApiTokensTable
        items={list.data?.items ?? []}
        loading={list.loading}
        canCreate={can('token.create')}
        now={Date.now()}
        onCreate={() => setCreating(true)}
        onRevoke={(id) => revoke.mutate(id)}
      />
      <IssueTokenModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
