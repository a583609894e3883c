import { css } from 'lit';

/** The registrations screen: the lists, and the chosen record beside them (first on a phone). */
export const registrationsStyles = css`
  .layout {
    display: grid;
    gap: 10px;
    flex: 1;
    min-height: 0;
  }
  .layout.with-detail {
    grid-template-columns: minmax(0, 1fr) minmax(280px, 360px);
  }
  .layout > aside {
    overflow: auto;
  }
  button.name {
    background: none;
    border: none;
    padding: 0;
    min-height: 0;
    font-weight: 700;
    text-align: left;
    color: var(--info);
    text-decoration: underline;
  }
  sac-residents-list {
    padding: 8px;
  }
  @media (max-width: 760px) {
    /* one column that scrolls as a whole: the record in full, then the lists */
    .layout.with-detail {
      grid-template-columns: 1fr;
      grid-template-rows: auto minmax(320px, 1fr);
      overflow: auto;
    }
    .layout > aside {
      order: -1;
      overflow: visible;
    }
  }
`;
